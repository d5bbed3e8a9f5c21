package dev.pulse.topologies.journey;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * Whether a stage is a step forward in adoption ({@code progress}) or a way out of the journey
 * ({@code exit}: at risk, churned). Exits are judged before progress stages.
 */
public enum StageKind {
    PROGRESS,
    EXIT;

    @JsonValue
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static StageKind fromLabel(String label) {
        for (StageKind kind : values()) {
            if (kind.label().equalsIgnoreCase(label)) {
                return kind;
            }
        }
        throw new IllegalArgumentException(
                "unknown stage kind '" + label + "'; expected progress or exit");
    }
}
