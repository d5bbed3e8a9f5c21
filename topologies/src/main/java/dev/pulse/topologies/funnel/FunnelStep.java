package dev.pulse.topologies.funnel;

import dev.pulse.topologies.event.UsageEvent;

/**
 * One step of a funnel: reached by an event of {@code type}, and of {@code feature} when one is
 * given (e.g. {@code feature_used} of {@code reports}).
 *
 * @param feature null: any feature, or none
 */
public record FunnelStep(String id, String label, String type, String feature) {

    /** Whether {@code event} is this step's event. */
    public boolean matches(UsageEvent event) {
        return type.equals(event.type()) && (feature == null || feature.equals(event.feature()));
    }
}
