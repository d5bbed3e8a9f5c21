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
import java.util.regex.Pattern;

/**
 * Validates usage events. The same rules run twice on purpose: at the HTTP ingest, which parses
 * every event before publishing it so that bad input is refused with a 4xx while the caller can
 * still fix it, and inside the topology, which must not trust its topic (anything may write to it).
 * Sharing the rules means an event the API accepted is never dead-lettered later. Other places that
 * parse events point here.
 */
public final class UsageEventParser {
    /** How far in the future an event time may be before it is taken for a clock error. */
    public static final Duration MAX_CLOCK_SKEW = Duration.ofMinutes(5);

    private static final Pattern TYPE = Pattern.compile("[a-z][a-z0-9_]{0,63}");
    private static final ObjectReader READER = PulseJson.mapper().reader();

    private UsageEventParser() {}

    /** Parses raw JSON bytes, as found on the topic; {@code now} bounds the event time. */
    public static UsageEvent parse(byte[] json, Instant now) {
        return read(json).checkedAt(now).event();
    }

    /** Validates one JSON object; {@code now} bounds how far in the future the event may be. */
    public static UsageEvent parse(JsonNode node, Instant now) {
        return read(null, node).checkedAt(now).event();
    }

    /**
     * Reads raw JSON bytes and applies every rule but the clock; never throws {@link
     * InvalidRecordException}, returning an unreadable record instead.
     */
    public static UsageRecord read(byte[] json) {
        if (json == null || json.length == 0) {
            return unreadable(json, "empty", "the record has no value");
        }
        try {
            return read(json, READER.readTree(json));
        } catch (JsonProcessingException e) {
            return unreadable(json, "malformed_json", "not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            return unreadable(json, "malformed_json", "not valid JSON: " + e.getMessage());
        }
    }

    /**
     * Every rule but the clock, in order. The event time is read once, leniently, so that most
     * rejected records still have it.
     */
    private static UsageRecord read(byte[] raw, JsonNode node) {
        Instant time = JsonFields.instantOrNull(node, "timestamp");
        JsonFields fields;
        UsageEvent event;
        try {
            fields = JsonFields.of(node);
            event = upToTimestamp(fields, time);
        } catch (InvalidRecordException e) {
            return new UsageRecord.Unreadable(raw, e, time, false);
        }
        try {
            return new UsageRecord.Readable(raw, withProperties(event, fields));
        } catch (InvalidRecordException e) {
            return new UsageRecord.Unreadable(raw, e, time, true);
        }
    }

    static boolean isFuture(Instant eventTime, Instant now) {
        return eventTime.isAfter(now.plus(MAX_CLOCK_SKEW));
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

    private static UsageRecord unreadable(byte[] raw, String code, String reason) {
        return new UsageRecord.Unreadable(
                raw, new InvalidRecordException(code, reason), null, false);
    }

    /** The rules up to the event time's, which the clock rule follows; no properties yet. */
    private static UsageEvent upToTimestamp(JsonFields fields, Instant time) {
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
        Instant timestamp = fields.requiredInstant("timestamp", time);
        return new UsageEvent(eventId, tenantId, userId, type, feature, timestamp, null);
    }

    /** The rules after the event time's. */
    private static UsageEvent withProperties(UsageEvent event, JsonFields fields) {
        JsonNode properties = fields.optionalObject("properties");
        if (EventTypes.NPS_RESPONSE.equals(event.type())) {
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
        return new UsageEvent(
                event.eventId(),
                event.tenantId(),
                event.userId(),
                event.type(),
                event.feature(),
                event.timestamp(),
                properties);
    }
}
