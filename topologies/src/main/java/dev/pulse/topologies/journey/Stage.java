package dev.pulse.topologies.journey;

import java.util.List;
import java.util.Set;

/**
 * One stage of the journey as configured: an id the API and the stores carry, a label for people,
 * its kind, and its entry criteria: {@code when} (every condition holds) or {@code anyOf} (one of
 * several sets holds). The first progress stage has none: it is where every account starts.
 */
public record Stage(String id, String label, StageKind kind, Criteria when, List<Criteria> anyOf) {

    public Stage {
        anyOf = anyOf == null ? List.of() : List.copyOf(anyOf);
    }

    /** Whether the account meets this stage's entry criteria on the day of {@code facts}. */
    public boolean holds(JourneyFacts facts) {
        if (when != null) {
            return when.holds(facts);
        }
        if (anyOf.isEmpty()) {
            return true;
        }
        return anyOf.stream().anyMatch(c -> c.holds(facts));
    }

    public boolean hasCriteria() {
        return when != null || !anyOf.isEmpty();
    }

    public String displayLabel() {
        return label == null || label.isBlank() ? id.replace('_', ' ') : label;
    }

    void validate(String where, Set<String> knownMeasures) {
        if (when != null && !anyOf.isEmpty()) {
            throw new IllegalArgumentException(where + ": give 'when' or 'anyOf', not both");
        }
        if (when != null) {
            when.validate(where + ".when", knownMeasures);
        }
        for (int i = 0; i < anyOf.size(); i++) {
            if (anyOf.get(i) == null) {
                throw new IllegalArgumentException(where + ".anyOf[" + i + "]: is empty");
            }
            anyOf.get(i).validate(where + ".anyOf[" + i + "]", knownMeasures);
        }
    }
}
