package dev.pulse.topologies.alert;

import com.fasterxml.jackson.annotation.JsonValue;

/** How urgently a person should look at an alert. */
public enum Severity {
    INFO("info"),
    WARNING("warning"),
    CRITICAL("critical");

    private final String label;

    Severity(String label) {
        this.label = label;
    }

    @JsonValue
    public String label() {
        return label;
    }

    public static Severity fromLabel(String label) {
        for (Severity severity : values()) {
            if (severity.label.equals(label)) {
                return severity;
            }
        }
        throw new IllegalArgumentException(
                "unknown severity '" + label + "'; expected info, warning or critical");
    }
}
