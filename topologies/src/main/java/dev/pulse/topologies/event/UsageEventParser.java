package dev.pulse.topologies.event;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.pulse.topologies.json.InvalidRecordException;
import dev.pulse.topologies.json.JsonFields;
import dev.pulse.topologies.json.PulseJson;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * Validates usage events. The same rules run at the HTTP ingest and inside the topology, so an
 * event that the API accepted is never dead-lettered later.
 */
public final class UsageEventParser {
    /** How far in the future an event time may be before it is taken for a clock error. */
    public static final Duration MAX_CLOCK_SKEW = Duration.ofMinutes(5);

    private static final Pattern TYPE = Pattern.compile("[a-z][a-z0-9_]{0,63}");
    private static final ObjectReader READER = PulseJson.mapper().reader();

    private UsageEventParser() {}

    /** Parses raw JSON bytes, as found on the topic. */
    public static UsageEvent parse(byte[] json, Instant now) {
        return read(json).acceptAt(now);
    }

    /** Validates one JSON object; {@code now} bounds how far in the future the event may be. */
    public static UsageEvent parse(JsonNode node, Instant now) {
        return read(node).acceptAt(now);
    }

    /**
     * Reads raw JSON bytes and applies every rule but the clock; never throws {@link
     * InvalidRecordException}, returning the rejection instead.
     */
    public static ParsedUsageEvent read(byte[] json) {
        if (json == null || json.length == 0) {
            return ParsedUsageEvent.rejected(
                    new InvalidRecordException("empty", "the record has no value"), null, -1);
        }
        JsonNode node;
        try {
            node = READER.readTree(json);
        } catch (JsonProcessingException e) {
            return ParsedUsageEvent.rejected(
                    new InvalidRecordException(
                            "malformed_json", "not valid JSON: " + e.getOriginalMessage()),
                    null,
                    -1);
        } catch (IOException e) {
            return ParsedUsageEvent.rejected(
                    new InvalidRecordException(
                            "malformed_json", "not valid JSON: " + e.getMessage()),
                    null,
                    -1);
        }
        return read(node);
    }

    /** Applies every rule but the clock to one JSON object; see {@link #read(byte[])}. */
    public static ParsedUsageEvent read(JsonNode node) {
        Instant[] timestamp = new Instant[1];
        try {
            return ParsedUsageEvent.accepted(validate(node, timestamp));
        } catch (InvalidRecordException e) {
            return ParsedUsageEvent.rejected(e, timestamp[0], looseEventTime(node));
        }
    }

    static InvalidRecordException futureTimestamp(Instant timestamp) {
        return new InvalidRecordException(
                "future_timestamp",
                "'timestamp' "
                        + timestamp
                        + " is more than "
                        + MAX_CLOCK_SKEW.toMinutes()
                        + " minutes in the future");
    }

    /**
     * Every rule but the clock, in order; the event time goes into {@code timestamp[0]} as soon as
     * it is read, since the clock rule comes right after it.
     */
    private static UsageEvent validate(JsonNode node, Instant[] timestampOut) {
        JsonFields fields = JsonFields.of(node);
        String eventId = fields.requiredText("eventId", 128);
        String tenantId = fields.requiredTenantId("tenantId");
        String userId = fields.requiredText("userId", 256);
        String type = fields.requiredText("type", 64);
        if (!TYPE.matcher(type).matches()) {
            throw new InvalidRecordException(
                    "invalid_field",
                    "'type' '" + type + "' must be lower_snake_case, e.g. feature_used");
        }
        String feature = fields.optionalText("feature", 128);
        if (EventTypes.FEATURE_USED.equals(type) && feature == null) {
            throw new InvalidRecordException(
                    "missing_field", "'feature' is required when type is feature_used");
        }
        Instant timestamp = fields.requiredInstant("timestamp");
        timestampOut[0] = timestamp;
        JsonNode properties = fields.optionalObject("properties");
        if (EventTypes.NPS_RESPONSE.equals(type)) {
            JsonNode score = properties == null ? null : properties.get("score");
            if (score == null
                    || !score.canConvertToExactIntegral()
                    || score.asInt() < 0
                    || score.asInt() > 10) {
                throw new InvalidRecordException(
                        "invalid_field",
                        "'properties.score' must be a whole number from 0 to 10 for nps_response");
            }
        }
        return new UsageEvent(eventId, tenantId, userId, type, feature, timestamp, properties);
    }

    /** The {@code timestamp} field of a record whatever else is wrong with it, or -1. */
    private static long looseEventTime(JsonNode node) {
        JsonNode value = node == null ? null : node.get("timestamp");
        if (value == null || !value.isTextual()) {
            return -1;
        }
        try {
            return OffsetDateTime.parse(value.textValue()).toInstant().toEpochMilli();
        } catch (DateTimeParseException | ArithmeticException e) {
            return -1;
        }
    }
}
