package dev.pulse.access.journey;

import dev.pulse.access.security.Caller;
import dev.pulse.topologies.account.Account;
import dev.pulse.topologies.journey.JourneyModel;
import dev.pulse.topologies.journey.JourneyState;
import dev.pulse.topologies.journey.Stage;
import dev.pulse.topologies.journey.StageKind;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The account journey as the caller may see it: one account's stage and moves, and how the caller's
 * accounts (a VP's team's, an account manager's own, an admin's all: whatever their scope lists)
 * moved through the stages over a period. The aggregate is one read of the directory and one batch
 * read of journey states, whatever the number of accounts.
 */
public final class Journeys {
    private final JourneyModel model;

    public Journeys(JourneyModel model) {
        this.model = model;
    }

    /**
     * One account's journey; empty when the tenant is unknown (no directory record and no journey).
     * A tenant outside the caller's scope is {@link
     * dev.pulse.access.security.AccessDeniedException}.
     */
    public Optional<AccountJourney> ofAccount(Caller caller, String tenantId) {
        Optional<Account> account = caller.reader().account(tenantId);
        JourneyState state = caller.reader().journeys(List.of(tenantId)).get(tenantId);
        if (account.isEmpty() && state == null) {
            return Optional.empty();
        }
        String name = account.map(Account::name).orElse(null);
        if (state == null) {
            return Optional.of(new AccountJourney(tenantId, name, null, null, List.of()));
        }
        return Optional.of(
                new AccountJourney(
                        tenantId, name, state.modelVersion(), stay(state), state.transitions()));
    }

    /** How the caller's accounts selected by {@code query} moved through the journey. */
    public JourneyReport aggregate(Caller caller, JourneyQuery query) {
        List<Account> selected =
                caller.reader().accounts().stream().filter(query.accounts()).toList();
        Map<String, JourneyState> journeys = caller.reader().journeysOf(selected);
        List<JourneyState> states = new ArrayList<>();
        for (Account account : selected) {
            JourneyState state = journeys.get(account.tenantId());
            if (state != null && inCohort(state, query.cohort())) {
                states.add(state);
            }
        }
        JourneyCalculator.Result result =
                JourneyCalculator.aggregate(model, states, query.from(), query.to());
        return new JourneyReport(
                query.from(),
                query.to().plusDays(1),
                query.segment(),
                query.cohort(),
                states.size(),
                model.version(),
                result.stages(),
                result.flows(),
                result.paths(),
                states.stream().map(JourneyState::tenantId).toList());
    }

    private StageStay stay(JourneyState state) {
        Optional<Stage> stage = model.stage(state.stage());
        return new StageStay(
                state.stage(),
                stage.map(Stage::displayLabel).orElse(state.stage()),
                stage.map(s -> s.kind().label()).orElse(StageKind.PROGRESS.label()),
                state.since(),
                state.daysInStage());
    }

    private static boolean inCohort(JourneyState state, YearMonth cohort) {
        return cohort == null
                || (state.started() != null && YearMonth.from(state.started()).equals(cohort));
    }
}
