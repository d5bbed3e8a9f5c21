package dev.pulse.app.simulator;

/** What a simulated record is, so senders can count it and tests can check it. */
public enum RecordKind {
    /** A well-formed event, sent in event-time order. */
    EVENT,
    /** An exact re-send (same eventId, same bytes) of the event just before it. */
    DUPLICATE,
    /** A well-formed event sent 5–40 minutes after its event time: within the one-hour grace. */
    LATE,
    /** A well-formed event sent 3–6 hours after its event time: beyond grace, to be dropped. */
    BEYOND_GRACE,
    /** A record that fails validation: broken JSON, missing fields or a bad timestamp. */
    MALFORMED
}
