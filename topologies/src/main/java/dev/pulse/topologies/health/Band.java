package dev.pulse.topologies.health;

import com.fasterxml.jackson.annotation.JsonValue;

/** Where a score stands: healthy, neutral or at risk, by the model's thresholds. */
public enum Band {
    HEALTHY("healthy"),
    NEUTRAL("neutral"),
    AT_RISK("at_risk");

    private final String label;

    Band(String label) {
        this.label = label;
    }

    @JsonValue
    public String label() {
        return label;
    }

    /** Risk order: at risk first. */
    public int riskRank() {
        return switch (this) {
            case AT_RISK -> 0;
            case NEUTRAL -> 1;
            case HEALTHY -> 2;
        };
    }

    public static Band fromLabel(String label) {
        for (Band band : values()) {
            if (band.label.equalsIgnoreCase(label) || band.name().equalsIgnoreCase(label)) {
                return band;
            }
        }
        throw new IllegalArgumentException(
                "unknown band '" + label + "'; expected healthy, neutral or at_risk");
    }
}
