package dev.pulse.topologies.journey;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A tenant's place in the journey after its latest closed day.
 *
 * @param started the UTC day of the account's first event, as its scores carry it: its cohort
 * @param stage the current stage id
 * @param since the first day of the current stage
 * @param asOf the latest closed day applied; days in stage count up to it
 * @param transitions the latest {@link #MAX_TRANSITIONS} moves, oldest first; the first move of an
 *     account (from null) is dropped first when the list is full
 * @param modelVersion the journey model that decided the latest day
 */
public record JourneyState(
        String tenantId,
        LocalDate started,
        String stage,
        LocalDate since,
        LocalDate asOf,
        List<Transition> transitions,
        String modelVersion) {
    /** Moves kept per tenant: years of weekly moves, a bounded record. */
    public static final int MAX_TRANSITIONS = 200;

    public JourneyState {
        transitions = transitions == null ? List.of() : List.copyOf(transitions);
    }

    /** Whole days in the current stage, counting both {@code since} and {@code asOf}. */
    public long daysInStage() {
        return asOf.toEpochDay() - since.toEpochDay() + 1;
    }

    /** This state moved on to {@code to} when {@code day} closed, the move recorded. */
    JourneyState moved(Transition move, LocalDate firstDay, String version) {
        List<Transition> kept = new ArrayList<>(transitions);
        kept.add(move);
        while (kept.size() > MAX_TRANSITIONS) {
            kept.remove(0);
        }
        return new JourneyState(
                tenantId, firstDay, move.to(), move.day(), move.day(), kept, version);
    }

    /** This state, still in its stage, as of {@code day}. */
    JourneyState stayed(LocalDate day, LocalDate firstDay, String version) {
        return new JourneyState(tenantId, firstDay, stage, since, day, transitions, version);
    }
}
