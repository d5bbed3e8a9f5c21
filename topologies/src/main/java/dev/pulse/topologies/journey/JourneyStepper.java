package dev.pulse.topologies.journey;

import dev.pulse.topologies.account.Account;
import dev.pulse.topologies.health.HealthScore;
import dev.pulse.topologies.time.UtcDays;
import java.time.LocalDate;
import java.util.List;

/**
 * The journey of one tenant as a pure function of its previous state and a closed day.
 *
 * <pre>
 *   (none) ----first closed day---------------------> decided stage   (transition from null)
 *   stage A ---day decides A-------------------------> A               (no transition)
 *   stage A ---day decides B != A--------------------> B, since = day  (transition A → B)
 *   any -------day not after asOf--------------------> unchanged       (a day is applied once)
 * </pre>
 *
 * The day decides its stage by {@link JourneyModel#decide}: exits first (in file order: churned,
 * then at risk), then the highest progress stage whose criteria hold. An account may move backwards
 * between progress stages (an engaged account whose usage thins out is adopting again), and that is
 * a transition like any other; leaving an exit stage is one too. Each day is judged on its own:
 * there is no hysteresis beyond what the health score's windows already smooth.
 */
public final class JourneyStepper {
    private final JourneyModel model;

    public JourneyStepper(JourneyModel model) {
        this.model = model;
    }

    public JourneyModel model() {
        return model;
    }

    /**
     * The outcome of one closed day.
     *
     * @param state the state to keep (the same instance when the day was not applied)
     * @param transition the move the day made; null when it stayed or was not applied
     */
    public record Step(JourneyState state, Transition transition) {
        public boolean moved() {
            return transition != null;
        }
    }

    /**
     * Applies closed {@code day}, with its end-of-day score and the account's directory record
     * (null when not in the directory), to {@code state} (null before the tenant's first day).
     */
    public Step apply(JourneyState state, HealthScore dayScore, Account account, LocalDate day) {
        if (state != null && state.asOf() != null && !day.isAfter(state.asOf())) {
            return new Step(state, null);
        }
        Stage decided = model.decide(JourneyFacts.of(dayScore, account, day));
        LocalDate started = started(state, dayScore, day);
        if (state == null) {
            Transition first = new Transition(null, decided.id(), day);
            String tenant = dayScore == null ? null : dayScore.tenantId();
            JourneyState start =
                    new JourneyState(tenant, started, null, day, day, List.of(), model.version())
                            .moved(first, started, model.version());
            return new Step(start, first);
        }
        if (decided.id().equals(state.stage())) {
            return new Step(state.stayed(day, started, model.version()), null);
        }
        Transition move = new Transition(state.stage(), decided.id(), day);
        return new Step(state.moved(move, started, model.version()), move);
    }

    /** The day of the first event: from the score, else as known before, else this day. */
    private static LocalDate started(JourneyState state, HealthScore dayScore, LocalDate day) {
        if (dayScore != null && dayScore.firstEventAt() != null) {
            return UtcDays.dayOf(dayScore.firstEventAt());
        }
        return state != null && state.started() != null ? state.started() : day;
    }
}
