package dev.pulse.topologies.pipeline;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.pulse.topologies.event.UsageEventParser;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.processor.TimestampExtractor;

/**
 * Uses the event's own {@code timestamp} field as record time, so windows, grace and stream time
 * follow event time whatever timestamp the producer set. In the pipeline the value arrives already
 * parsed ({@link SourceEvent}); raw JSON bytes are read only up to that field. Records without a
 * usable time (malformed, or too far in the future) get the partition's current time: validation
 * dead-letters them, and they must not drag stream time forward, which would make every later valid
 * event look late.
 */
public final class EventTimestampExtractor implements TimestampExtractor {
    private static final JsonFactory JSON = new JsonFactory();

    @Override
    public long extract(ConsumerRecord<Object, Object> record, long partitionTime) {
        // Never negative: Kafka Streams would drop the record before validation could see it.
        long fallback = Math.max(0, partitionTime);
        long eventTime;
        if (record.value() instanceof SourceEvent parsed) {
            eventTime = parsed.eventTimeMs(); // parsed once, by the source serde
        } else if (record.value() instanceof byte[] bytes) {
            eventTime = eventTime(bytes);
        } else {
            return fallback;
        }
        long latestAllowed =
                System.currentTimeMillis() + UsageEventParser.MAX_CLOCK_SKEW.toMillis();
        return eventTime < 0 || eventTime > latestAllowed ? fallback : eventTime;
    }

    static long eventTime(byte[] json) {
        try (JsonParser parser = JSON.createParser(json)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return -1;
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if ("timestamp".equals(field)) {
                    return value == JsonToken.VALUE_STRING
                            ? OffsetDateTime.parse(parser.getText()).toInstant().toEpochMilli()
                            : -1;
                }
                parser.skipChildren();
            }
            return -1;
        } catch (IOException | DateTimeParseException | ArithmeticException e) {
            return -1;
        }
    }
}
