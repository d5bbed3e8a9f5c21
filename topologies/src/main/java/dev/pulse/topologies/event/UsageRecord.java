package dev.pulse.topologies.event;

import dev.pulse.topologies.json.InvalidRecordException;
import java.time.Instant;

/**
 * One usage-event record, read once ({@link UsageEventParser#read}): the event, or the reason it is
 * not one. The pipeline's source serde makes one per record, so the timestamp extractor, validation
 * and the dead-letter topic share one parse. Reading applies every rule but the clock ({@link
 * #checkedAt}, judged by the stream task's clock) and the pipeline's record-key rule.
 */
public sealed interface UsageRecord {

    /** The record's value exactly as on the topic, kept for the dead-letter topic; may be null. */
    byte[] raw();

    /** The {@code timestamp} field in epoch ms, also for most unreadable records, or -1. */
    long eventTimeMs();

    /** The event; for an unreadable record, throws the reason. */
    UsageEvent event();

    /** This record, unreadable if its event time is too far ahead of {@code now}. */
    UsageRecord checkedAt(Instant now);

    /** A record that passed every rule applied so far. */
    record Readable(byte[] raw, UsageEvent event) implements UsageRecord {
        @Override
        public long eventTimeMs() {
            return epochMs(event.timestamp());
        }

        @Override
        public UsageRecord checkedAt(Instant now) {
            return UsageEventParser.isFuture(event.timestamp(), now)
                    ? futureTimestamp(raw, event.timestamp())
                    : this;
        }
    }

    /**
     * @param eventTime the {@code timestamp} field whatever else is wrong, or null
     * @param clockRuleFirst whether the reason was found by a rule after the timestamp's: rules
     *     apply in order, so a future event time, checked later, is reported instead
     */
    record Unreadable(
            byte[] raw, InvalidRecordException reason, Instant eventTime, boolean clockRuleFirst)
            implements UsageRecord {
        @Override
        public long eventTimeMs() {
            return eventTime == null ? -1 : epochMs(eventTime);
        }

        @Override
        public UsageEvent event() {
            throw reason;
        }

        @Override
        public UsageRecord checkedAt(Instant now) {
            return clockRuleFirst && UsageEventParser.isFuture(eventTime, now)
                    ? futureTimestamp(raw, eventTime)
                    : this;
        }
    }

    private static Unreadable futureTimestamp(byte[] raw, Instant eventTime) {
        return new Unreadable(raw, UsageEventParser.futureTimestamp(eventTime), eventTime, false);
    }

    private static long epochMs(Instant time) {
        try {
            return time.toEpochMilli();
        } catch (ArithmeticException e) {
            return -1; // beyond what a record timestamp can hold
        }
    }
}
