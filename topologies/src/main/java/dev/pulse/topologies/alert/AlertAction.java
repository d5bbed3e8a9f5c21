package dev.pulse.topologies.alert;

/** What a person can do to an alert: see {@link AlertLifecycle#apply}. */
public enum AlertAction {
    /** Mark a firing alert as seen; it stays firing. */
    ACK,
    /** Silence a firing alert until a time; if it still fires then, it is published again. */
    SNOOZE,
    /** Resolve a pending or firing alert by hand; the rule's cooldown applies as usual. */
    RESOLVE
}
