package dev.pulse.topologies.pipeline;

import dev.pulse.topologies.event.ParsedUsageEvent;
import dev.pulse.topologies.event.UsageEvent;
import dev.pulse.topologies.event.UsageEventParser;
import java.time.Instant;

/**
 * A usage-event record as read from its topic: the raw bytes, kept for the dead-letter topic, and
 * what parsing them found. Produced by {@link SourceEventSerde} before the timestamp extractor
 * runs, so the event's JSON is parsed once per record.
 *
 * @param raw the record's value exactly as on the topic; may be null
 * @param parsed the event or the reason it is rejected, checked by every rule but the clock
 * @param failure an unexpected error while parsing, rethrown where the record is processed so that
 *     it is handled as a processing error, as it would have been without parsing in the serde
 */
record SourceEvent(byte[] raw, ParsedUsageEvent parsed, RuntimeException failure) {

    static SourceEvent of(byte[] raw) {
        try {
            return new SourceEvent(raw, UsageEventParser.read(raw), null);
        } catch (RuntimeException e) {
            return new SourceEvent(raw, null, e);
        }
    }

    /** The event if it passes every rule at {@code now}; see {@link ParsedUsageEvent#acceptAt}. */
    UsageEvent acceptAt(Instant now) {
        if (failure != null) {
            throw failure;
        }
        return parsed.acceptAt(now);
    }

    /** The record's event time in epoch milliseconds, or -1 when it has none that can be read. */
    long eventTimeMs() {
        return parsed == null ? -1 : parsed.eventTimeMs();
    }
}
