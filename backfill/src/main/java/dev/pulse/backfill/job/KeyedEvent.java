package dev.pulse.backfill.job;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.pulse.topologies.event.UsageEvent;
import dev.pulse.topologies.json.PulseJson;
import dev.pulse.topologies.time.UtcDays;
import java.io.UncheckedIOException;
import java.time.Instant;

/**
 * A valid event on its way to its tenant-day: the parsed event's fields as plain values, so Flink
 * serializes it as a POJO rather than through its generic (Kryo) serializer, and the counting side
 * gets the very {@link UsageEvent} the parser made back ({@link #event()}) without parsing the JSON
 * again.
 *
 * @param dayKey tenant and UTC day hashed ({@link TenantDayKey}), the grouping key
 * @param epochSecond the event time's second, as {@link Instant#getEpochSecond()}
 * @param nano the event time's nanosecond within that second
 * @param properties the event's {@code properties} as JSON, or null
 */
public record KeyedEvent(
        long dayKey,
        String eventId,
        String tenantId,
        String userId,
        String type,
        String feature,
        long epochSecond,
        int nano,
        String properties) {

    static KeyedEvent of(long dayKey, UsageEvent event) {
        return new KeyedEvent(
                dayKey,
                event.eventId(),
                event.tenantId(),
                event.userId(),
                event.type(),
                event.feature(),
                event.timestamp().getEpochSecond(),
                event.timestamp().getNano(),
                event.properties() == null ? null : event.properties().toString());
    }

    /** The event's UTC day. */
    long epochDay() {
        return UtcDays.epochDayOfMs(epochSecond * 1000L);
    }

    /** The event as the parser read it. */
    UsageEvent event() {
        try {
            return new UsageEvent(
                    eventId,
                    tenantId,
                    userId,
                    type,
                    feature,
                    Instant.ofEpochSecond(epochSecond, nano),
                    properties == null ? null : PulseJson.mapper().readTree(properties));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("properties written by KeyedEvent.of", e);
        }
    }
}
