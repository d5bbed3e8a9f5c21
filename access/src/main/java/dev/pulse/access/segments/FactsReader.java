package dev.pulse.access.segments;

import dev.pulse.access.security.Caller;
import dev.pulse.topologies.account.Account;
import dev.pulse.topologies.funnel.Funnel;
import dev.pulse.topologies.funnel.FunnelDay;
import dev.pulse.topologies.funnel.FunnelDefinitions;
import dev.pulse.topologies.funnel.StepTally;
import dev.pulse.topologies.journey.JourneyState;
import dev.pulse.topologies.journey.Transition;
import dev.pulse.topologies.time.UtcDays;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The facts beyond directory and score that criteria may ask about, read once per request and only
 * when asked: each account's journey stage (one batch read of the journeys) and, per funnel, the
 * steps its users reached within the funnel's conversion window up to today (one batch read of the
 * funnel days).
 */
final class FactsReader {
    private final Caller caller;
    private final List<Account> accounts;
    private final FunnelDefinitions funnels;
    private final LocalDate today;
    private Map<String, JourneyState> journeys;
    private final Map<String, Map<String, Set<String>>> reachedByFunnel = new HashMap<>();

    FactsReader(Caller caller, List<Account> accounts, FunnelDefinitions funnels, LocalDate today) {
        this.caller = caller;
        this.accounts = accounts;
        this.funnels = funnels;
        this.today = today;
    }

    /** The account's stage now; null when it has no closed day yet. */
    String stage(String tenantId) {
        JourneyState state = journeys().get(tenantId);
        return state == null ? null : state.stage();
    }

    /** The account's stage when {@code day} closed, from its recorded moves; null before any. */
    String stageOn(String tenantId, LocalDate day) {
        JourneyState state = journeys().get(tenantId);
        if (state == null) {
            return null;
        }
        String stage = null;
        for (Transition move : state.transitions()) {
            if (move.day().isAfter(day)) {
                break;
            }
            stage = move.to();
        }
        return stage;
    }

    /** The steps of {@code funnelId} the account's users reached in its window up to today. */
    Map<String, Set<String>> funnelSteps(String tenantId, String funnelId) {
        Set<String> reached = reachedByFunnel.computeIfAbsent(funnelId, this::read).get(tenantId);
        return Map.of(funnelId, reached == null ? Set.of() : reached);
    }

    private Map<String, JourneyState> journeys() {
        if (journeys == null) {
            journeys = accounts.isEmpty() ? Map.of() : caller.reader().journeysOf(accounts);
        }
        return journeys;
    }

    private Map<String, Set<String>> read(String funnelId) {
        Funnel funnel = funnels.find(funnelId).orElse(null);
        if (funnel == null || accounts.isEmpty()) {
            return Map.of();
        }
        Instant to = UtcDays.startOf(today.plusDays(1));
        Instant from = to.minus(funnel.window());
        Map<String, Set<String>> reached = new HashMap<>();
        caller.reader()
                .funnelDaysOf(accounts, from, to)
                .forEach((tenant, days) -> reached.put(tenant, reachedSteps(funnel, days)));
        return reached;
    }

    private static Set<String> reachedSteps(Funnel funnel, List<FunnelDay> days) {
        Set<String> reached = new LinkedHashSet<>();
        for (FunnelDay day : days) {
            List<StepTally> steps = day.steps(funnel.id());
            for (int i = 0; i < steps.size() && i < funnel.steps().size(); i++) {
                if (steps.get(i).users() > 0) {
                    reached.add(funnel.steps().get(i).id());
                }
            }
        }
        return reached;
    }
}
