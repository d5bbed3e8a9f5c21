package dev.pulse.topologies.pipeline;

import dev.pulse.topologies.alert.AlertState;
import dev.pulse.topologies.alert.Severity;

/**
 * Told about every record the pipeline does not count, so that each drop is visible in metrics.
 * Implementations must be thread-safe and fast; they run on stream threads.
 */
public interface PipelineListener {
    PipelineListener NONE = new PipelineListener() {};

    /** A record went to the dead-letter topic; {@code code} is a short reason label. */
    default void onDeadLetter(String code) {}

    /** An event id was seen again and the copy was dropped. */
    default void onDuplicate() {}

    /**
     * An event's id could not be ruled out in memory and was looked up in the id store: a
     * duplicate, a false positive of the filter (about 1 %), or a window of event time the filter
     * does not track (past its memory budget, or older than the store keeps).
     */
    default void onIdLookedUpInStore() {}

    /** An event arrived after its window's grace period and was dropped. */
    default void onLateEvent() {}

    /**
     * An event of a funnel step arrived after its window's grace period and was not counted in the
     * funnels (the engagement count reports the same event through {@link #onLateEvent}).
     */
    default void onFunnelLateEvent() {}

    /** An event was counted into engagement. */
    default void onCounted() {}

    /** A backfilled tenant-day was loaded into the daily engagement store. */
    default void onBackfilledDay() {}

    /**
     * A tenant's score was refreshed for new events; {@code eventAgeMs} is the wall-clock time
     * since the newest of them happened: how fresh the score is when it becomes readable.
     */
    default void onScoreRefreshed(long eventAgeMs) {}

    /**
     * An alert command was ignored: its alert is unknown or its action does not fit the alert's
     * state. {@code action} is the command's action label.
     */
    default void onAlertCommandIgnored(String action) {}

    /**
     * A follow-up command was not applied: it is invalid, its follow-up or alert is unknown, it was
     * sent again, changes nothing, or does not fit the follow-up's status. {@code reason} is {@code
     * invalid}, {@code unknown}, {@code unknown-alert}, {@code duplicate}, {@code unchanged} or
     * {@code conflict}.
     */
    default void onFollowUpCommandIgnored(String reason) {}

    /**
     * An alert changed state ({@code PENDING}, {@code FIRING} or {@code RESOLVED}), by evaluation
     * or by a person's command. Changes that keep the state (an ack, a snooze) are not reported.
     */
    default void onAlertTransition(String ruleId, Severity severity, AlertState to) {}
}
