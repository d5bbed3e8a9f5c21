package dev.pulse.topologies.funnel;

import java.time.Duration;
import java.util.List;

/**
 * One funnel: ordered steps a tenant's users go through, each within {@code window} of entering at
 * the first step. The semantics are {@link FunnelProgress}'s.
 */
public record Funnel(String id, String label, Duration window, List<FunnelStep> steps) {
    public Funnel {
        steps = List.copyOf(steps);
    }

    /** The window in whole days, as the configuration and the API give it. */
    public long windowDays() {
        return window.toDays();
    }

    /** The index of the step with this id, or -1. */
    public int indexOf(String stepId) {
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i).id().equals(stepId)) {
                return i;
            }
        }
        return -1;
    }
}
