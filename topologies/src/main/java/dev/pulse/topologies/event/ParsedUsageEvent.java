package dev.pulse.topologies.event;

import dev.pulse.topologies.json.InvalidRecordException;
import java.time.Instant;

/**
 * A usage event read from JSON and checked by every rule but the one that needs a clock (how far in
 * the future its time may be), or the reason it was rejected. Reading once and checking the clock
 * later lets the topology parse each record once, when it is deserialised, and still judge the
 * event time against the stream task's clock.
 */
public final class ParsedUsageEvent {
    private final UsageEvent event;
    private final Instant checkedTimestamp;
    private final InvalidRecordException rejection;
    private final long eventTimeMs;

    private ParsedUsageEvent(
            UsageEvent event,
            Instant checkedTimestamp,
            InvalidRecordException rejection,
            long eventTimeMs) {
        this.event = event;
        this.checkedTimestamp = checkedTimestamp;
        this.rejection = rejection;
        this.eventTimeMs = eventTimeMs;
    }

    static ParsedUsageEvent accepted(UsageEvent event) {
        return new ParsedUsageEvent(
                event, event.timestamp(), null, event.timestamp().toEpochMilli());
    }

    /**
     * @param checkedTimestamp the event time, when the rules got as far as reading it; the clock
     *     rule comes right after it, so a rejection found later yields to a future timestamp
     * @param eventTimeMs the record's {@code timestamp} field however far the rules got, or -1
     */
    static ParsedUsageEvent rejected(
            InvalidRecordException rejection, Instant checkedTimestamp, long eventTimeMs) {
        return new ParsedUsageEvent(null, checkedTimestamp, rejection, eventTimeMs);
    }

    /**
     * The event, if it passes every rule with {@code now} as the present; throws {@link
     * InvalidRecordException} with the same code and message as {@link UsageEventParser#parse}.
     */
    public UsageEvent acceptAt(Instant now) {
        if (checkedTimestamp != null
                && checkedTimestamp.isAfter(now.plus(UsageEventParser.MAX_CLOCK_SKEW))) {
            throw UsageEventParser.futureTimestamp(checkedTimestamp);
        }
        if (rejection != null) {
            throw rejection;
        }
        return event;
    }

    /**
     * The record's {@code timestamp} field in epoch milliseconds, also for most rejected records,
     * or -1 when it has none that can be read.
     */
    public long eventTimeMs() {
        return eventTimeMs;
    }
}
