package dev.pulse.topologies.alert;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.stream.Collectors;

/** What a rule watches; each kind has its own parameters ({@link AlertCondition}). */
public enum AlertKind {
    SCORE_DROP("score_drop", AlertCondition.ScoreDrop.class),
    USAGE_DROP("usage_drop", AlertCondition.UsageDrop.class),
    SILENCE("silence", AlertCondition.Silence.class),
    RENEWAL_RISK("renewal_risk", AlertCondition.RenewalRisk.class),
    SUPPORT_SPIKE("support_spike", AlertCondition.SupportSpike.class),
    EXPANSION("expansion", AlertCondition.Expansion.class),
    AT_RISK("at_risk", AlertCondition.AtRisk.class);

    private final String label;
    private final Class<? extends AlertCondition> parameters;

    AlertKind(String label, Class<? extends AlertCondition> parameters) {
        this.label = label;
        this.parameters = parameters;
    }

    @JsonValue
    public String label() {
        return label;
    }

    Class<? extends AlertCondition> parameters() {
        return parameters;
    }

    public static AlertKind fromLabel(String label) {
        for (AlertKind kind : values()) {
            if (kind.label.equals(label)) {
                return kind;
            }
        }
        throw new IllegalArgumentException(
                "unknown kind '"
                        + label
                        + "'; expected one of "
                        + Arrays.stream(values())
                                .map(AlertKind::label)
                                .collect(Collectors.joining(", ")));
    }
}
