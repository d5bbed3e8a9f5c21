package dev.pulse.topologies.funnel;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One tenant's funnel tallies of one UTC day: per funnel id, per step (in the funnel's order), the
 * users who reached the step that day and how long they took from the previous step. A step reached
 * counts on the day it was reached, whatever day the user entered.
 *
 * @param day the start of the UTC day
 * @param funnels tallies by funnel id; a funnel nobody progressed in that day is absent
 */
public record FunnelDay(Instant day, Map<String, List<StepTally>> funnels) {
    public FunnelDay {
        TreeMap<String, List<StepTally>> copy = new TreeMap<>();
        funnels.forEach((id, steps) -> copy.put(id, List.copyOf(steps)));
        funnels = Collections.unmodifiableMap(copy);
    }

    public static FunnelDay empty(Instant day) {
        return new FunnelDay(day, Map.of());
    }

    /** This day with one more user at step {@code index} of a funnel of {@code stepCount} steps. */
    public FunnelDay plus(String funnelId, int stepCount, int index, long sincePreviousMs) {
        List<StepTally> steps = new ArrayList<>(funnels.getOrDefault(funnelId, List.of()));
        while (steps.size() < stepCount) {
            steps.add(StepTally.EMPTY);
        }
        steps.set(index, steps.get(index).plusOne(index == 0, sincePreviousMs));
        Map<String, List<StepTally>> more = new TreeMap<>(funnels);
        more.put(funnelId, steps);
        return new FunnelDay(day, more);
    }

    /** The tallies of one funnel, or an empty list when nobody progressed in it. */
    public List<StepTally> steps(String funnelId) {
        return funnels.getOrDefault(funnelId, List.of());
    }
}
