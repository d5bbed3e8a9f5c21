package dev.pulse.backfill;

/** Told how a backfill advances; called from one thread at a time. */
public interface BackfillProgress {
    BackfillProgress SILENT = new BackfillProgress() {};

    /** The job runs; {@code where} is "in-process" or the job manager's address. */
    default void started(String source, String where) {}

    /** Events read so far, as the job last reported them. */
    default void eventsRead(long events) {}

    /** Tenant-days handed to Pulse so far. */
    default void daysWritten(long days) {}
}
