package dev.pulse.topologies.alert;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Where an alert stands. {@code PENDING}: the condition holds but not yet for the rule's {@code
 * for} duration. {@code FIRING}: a person should act. {@code RESOLVED}: the condition cleared, or a
 * person resolved it. Acknowledged and snoozed are attributes of a firing alert ({@link
 * Alert#acknowledgedAt()}, {@link Alert#snoozedUntil()}), not states, so they were added without
 * changing this machine.
 */
public enum AlertState {
    PENDING("pending"),
    FIRING("firing"),
    RESOLVED("resolved");

    private final String label;

    AlertState(String label) {
        this.label = label;
    }

    @JsonValue
    public String label() {
        return label;
    }
}
