package dev.pulse.topologies.pipeline;

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

    /** An event arrived after its window's grace period and was dropped. */
    default void onLateEvent() {}

    /** An event was counted into engagement. */
    default void onCounted() {}

    /**
     * An alert command was ignored: its alert is unknown or its action does not fit the alert's
     * state. {@code action} is the command's action label.
     */
    default void onAlertCommandIgnored(String action) {}
}
