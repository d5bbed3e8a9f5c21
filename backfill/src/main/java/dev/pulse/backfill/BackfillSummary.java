package dev.pulse.backfill;

import java.time.Duration;

/**
 * What a backfill did.
 *
 * @param eventsRead raw events read
 * @param eventsRejected events the parser or validation refused
 * @param eventsDuplicate events dropped as repeats of an event id of the same tenant-day
 * @param tenantDays tenant-days handed to Pulse
 * @param eventsCounted events counted into those days
 */
public record BackfillSummary(
        long eventsRead,
        long eventsRejected,
        long eventsDuplicate,
        long tenantDays,
        long eventsCounted,
        Duration took) {

    /** Raw events read per second of the whole run, hand-over included. */
    public double eventsPerSecond() {
        double seconds = Math.max(1, took.toMillis()) / 1000.0;
        return eventsRead / seconds;
    }
}
