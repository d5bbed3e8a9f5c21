package dev.pulse.app.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pulse.app.simulator.DemoCustomerBase;
import dev.pulse.app.simulator.HourlyEventGenerator;
import dev.pulse.app.simulator.SimulatorSettings;
import dev.pulse.topologies.account.Account;
import dev.pulse.topologies.alert.AlertRules;
import dev.pulse.topologies.health.HealthModel;
import dev.pulse.topologies.health.HealthScore;
import dev.pulse.topologies.health.HealthScorer;
import dev.pulse.topologies.journey.JourneyModel;
import dev.pulse.topologies.journey.JourneyState;
import dev.pulse.topologies.journey.JourneyStepper;
import dev.pulse.topologies.journey.Stage;
import dev.pulse.topologies.journey.Transition;
import dev.pulse.topologies.risk.DailyClose;
import dev.pulse.topologies.risk.RiskAssessment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The demo's story through the journey: the default customer base, replayed over its 75 days with
 * the shipped health model and journey, has accounts in every stage of config/journey.yaml when the
 * demo opens. The days are closed as the topology closes them (per partition, with the day's
 * at-risk decision), and each closed day steps the journey as the topology's processor does.
 */
class DemoJourneyTest {
    private static final Instant ANCHOR = Instant.parse("2026-11-18T14:37:12.345Z");
    private static final int PARTITIONS = 6;
    private static final int DECISION_MEMORY_DAYS = 14;

    @Test
    void theDemoCustomerBaseReachesEveryStageOfTheJourney() throws IOException {
        HealthModel health = HealthModel.fromYaml(config("health-model.yaml"));
        JourneyModel journey = JourneyModel.fromYaml(config("journey.yaml")).checkedAgainst(health);
        DemoCustomerBase base =
                DemoCustomerBase.generate(
                        SimulatorSettings.DEFAULT_SEED, SimulatorSettings.DEFAULT_TENANTS, ANCHOR);
        DailyEngagement engagement = new DailyEngagement();
        HourlyEventGenerator generator =
                new HourlyEventGenerator(base, SimulatorSettings.DEFAULT_SEED);
        Instant end = ANCHOR.truncatedTo(ChronoUnit.HOURS);
        for (Instant hour = end.minus(Duration.ofDays(SimulatorSettings.DEFAULT_DAYS));
                hour.isBefore(end);
                hour = hour.plus(Duration.ofHours(1))) {
            generator.events(hour).forEach(engagement::add);
        }
        Map<String, Account> accounts = new HashMap<>();
        base.accounts().forEach(a -> accounts.put(a.tenantId(), a));
        LocalDate lastClosed = LocalDate.ofInstant(ANCHOR, ZoneOffset.UTC).minusDays(1);

        Map<String, JourneyState> journeys =
                replay(health, journey, engagement, accounts, engagement.firstDay(), lastClosed);

        Map<String, Integer> current = new TreeMap<>();
        Set<String> everEntered = new TreeSet<>();
        journeys.values()
                .forEach(
                        state -> {
                            current.merge(state.stage(), 1, Integer::sum);
                            state.transitions().stream()
                                    .map(Transition::to)
                                    .forEach(everEntered::add);
                        });
        List<String> stages = journey.stages().stream().map(Stage::id).toList();
        assertThat(journeys).hasSize(base.accounts().size());
        assertThat(current.keySet()).as("accounts per stage: %s", current).containsAll(stages);
        assertThat(everEntered).containsAll(stages);
    }

    /** The days from {@code from} to {@code to}, closed partition by partition, as the topology. */
    private static Map<String, JourneyState> replay(
            HealthModel health,
            JourneyModel journey,
            DailyEngagement data,
            Map<String, Account> accounts,
            LocalDate from,
            LocalDate to) {
        DailyClose close = new DailyClose(new HealthScorer(health));
        JourneyStepper stepper = new JourneyStepper(journey);
        BacktestReplay partitioner = new BacktestReplay(health, AlertRules.none(), PARTITIONS);
        Map<Integer, List<String>> groups = new TreeMap<>();
        data.tenants()
                .keySet()
                .forEach(
                        t ->
                                groups.computeIfAbsent(
                                                partitioner.partition(t), p -> new ArrayList<>())
                                        .add(t));
        Map<String, JourneyState> journeys = new TreeMap<>();
        Map<String, NavigableMap<LocalDate, HealthScore>> endOfDay = new HashMap<>();
        Map<String, Deque<RiskAssessment>> decisions = new HashMap<>();
        int lookback = health.lookbackDays();
        for (List<String> group : groups.values()) {
            for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
                Instant dayEnd = day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
                List<DailyClose.Tenant> inputs = new ArrayList<>();
                for (String id : group) {
                    DailyEngagement.Tenant tenant = data.tenants().get(id);
                    if (tenant.firstEvent == null || !tenant.firstEvent.isBefore(dayEnd)) {
                        continue;
                    }
                    NavigableMap<LocalDate, HealthScore> scores =
                            endOfDay.computeIfAbsent(id, t -> new TreeMap<>());
                    inputs.add(
                            new DailyClose.Tenant(
                                    id,
                                    accounts.get(id),
                                    tenant.history(day.minusDays(lookback - 1L), day),
                                    tenant.firstEvent,
                                    tenant.lastEventBy(day),
                                    scores::get,
                                    List.copyOf(
                                            decisions.computeIfAbsent(
                                                    id, t -> new ArrayDeque<>()))));
                }
                for (Map.Entry<String, HealthScore> closed : close.close(day, inputs).entrySet()) {
                    String id = closed.getKey();
                    HealthScore score = closed.getValue();
                    endOfDay.get(id).put(day, score);
                    Deque<RiskAssessment> memory = decisions.get(id);
                    if (score.risk() != null) {
                        memory.addFirst(score.risk());
                        while (memory.size() > DECISION_MEMORY_DAYS) {
                            memory.removeLast();
                        }
                    }
                    journeys.put(
                            id,
                            stepper.apply(journeys.get(id), score, accounts.get(id), day).state());
                }
            }
        }
        return journeys;
    }

    private static String config(String name) throws IOException {
        return Files.readString(Path.of("..", "config", name));
    }
}
