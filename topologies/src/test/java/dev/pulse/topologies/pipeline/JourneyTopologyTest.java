package dev.pulse.topologies.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pulse.topologies.account.Account;
import dev.pulse.topologies.journey.JourneyState;
import dev.pulse.topologies.journey.Transition;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.junit.jupiter.api.Test;

/**
 * The journey in the production topology, driven only by closed days in event time: a new account
 * that ramps up climbs the progress stages, one that goes silent leaves through the exits, a late
 * event within grace and a redelivered event change nothing, and a replay builds the journeys the
 * live run built.
 */
class JourneyTopologyTest {
    private static final LocalDate FIRST = LocalDate.of(2026, 6, 1);
    private static final int DAYS = 84;
    private static final int TENANTS = 5;
    private static final String RAMP = "tenant-0";
    private static final String SILENT = "tenant-1";
    private static final String STEADY = "tenant-4";
    private static final int SILENT_FROM = 56;
    private static final String[] FEATURES = {
        "dashboards", "reports", "alerts", "integrations", "exports", "automations"
    };

    private record Event(String id, String tenant, String user, String feature, Instant at) {}

    /**
     * Five tenants with 15 seats: one new account that starts with one user on one feature and
     * ramps up to twelve users on five features over six weeks, one that goes silent on day 56, and
     * three steady ones (twelve users, five features, quieter weekends).
     */
    private static List<Event> history() {
        List<Event> events = new ArrayList<>();
        for (int d = 0; d < DAYS; d++) {
            LocalDate day = FIRST.plusDays(d);
            boolean weekend =
                    day.getDayOfWeek() == DayOfWeek.SATURDAY
                            || day.getDayOfWeek() == DayOfWeek.SUNDAY;
            for (int t = 0; t < TENANTS; t++) {
                String tenant = "tenant-" + t;
                int users = 12;
                int features = 5;
                if (tenant.equals(RAMP)) {
                    users = Math.min(12, 1 + d / 3);
                    features = Math.min(5, 1 + d / 7);
                }
                if (tenant.equals(SILENT) && d >= SILENT_FROM) {
                    users = 0;
                }
                if (weekend) {
                    users = (int) Math.round(users * 0.3);
                }
                SplittableRandom random = new SplittableRandom(t * 1000L + d);
                for (int u = 0; u < users; u++) {
                    for (int a = 0; a < 3; a++) {
                        Instant at =
                                day.atStartOfDay(ZoneOffset.UTC)
                                        .toInstant()
                                        .plusSeconds(9 * 3600 + random.nextInt(9 * 3600));
                        events.add(
                                new Event(
                                        tenant + "-" + d + "-" + u + "-" + a,
                                        tenant,
                                        "user-" + u,
                                        FEATURES[(u + a) % features],
                                        at));
                    }
                }
            }
        }
        events.sort(Comparator.comparing(Event::at));
        return events;
    }

    @Test
    void aNewAccountClimbsTheProgressStagesAsItsUsageRampsUp() throws Exception {
        Map<String, JourneyState> journeys = replayed();

        JourneyState ramp = journeys.get(RAMP);
        assertThat(path(ramp))
                .as("%s", ramp.transitions())
                .containsExactly("onboarding", "activated", "adopting", "engaged");
        List<Transition> moves = ramp.transitions();
        assertThat(moves.get(0)).isEqualTo(new Transition(null, "onboarding", FIRST));
        assertThat(moves.get(1).day()).isAfterOrEqualTo(FIRST.plusDays(7));
        assertThat(moves.get(2).day()).isAfterOrEqualTo(FIRST.plusDays(21));
        assertThat(moves.get(3).day()).isAfterOrEqualTo(FIRST.plusDays(42));
        // Time in stage counts from the move to the last closed day, both included.
        LocalDate lastClosed = FIRST.plusDays(DAYS - 1);
        assertThat(ramp.stage()).isEqualTo("engaged");
        assertThat(ramp.since()).isEqualTo(moves.get(3).day());
        assertThat(ramp.asOf()).isEqualTo(lastClosed);
        assertThat(ramp.daysInStage())
                .isEqualTo(lastClosed.toEpochDay() - moves.get(3).day().toEpochDay() + 1);
        assertThat(ramp.modelVersion()).isEqualTo(PipelineFixture.JOURNEY.version());
        // Steady accounts, as old as the history, are engaged after six weeks.
        assertThat(journeys.get(STEADY).stage()).isEqualTo("engaged");
        assertThat(journeys.get(STEADY).since()).isEqualTo(FIRST.plusDays(42));
    }

    @Test
    void anAccountThatGoesSilentIsAtRiskThenChurned() throws Exception {
        Map<String, JourneyState> journeys = replayed();

        JourneyState silent = journeys.get(SILENT);
        List<String> path = path(silent);
        assertThat(path).startsWith("onboarding").endsWith("at_risk", "churned");
        assertThat(path).contains("engaged");
        LocalDate lastActive = FIRST.plusDays(SILENT_FROM - 1);
        Transition atRisk = silent.transitions().get(silent.transitions().size() - 2);
        // A week of silence at the latest (the at-risk decision may see it sooner).
        assertThat(atRisk.day()).isBetween(lastActive.plusDays(1), lastActive.plusDays(7));
        // Two weeks without activity: churned.
        assertThat(silent.stage()).isEqualTo("churned");
        assertThat(silent.since()).isEqualTo(lastActive.plusDays(14));
    }

    @Test
    void publishesEveryMoveTheStoreRecords() throws Exception {
        Map<String, JourneyState> stored = replayed();

        assertThat(replayedPublished.keySet()).isEqualTo(stored.keySet());
        stored.forEach(
                (tenant, state) ->
                        assertThat(replayedPublished.get(tenant)).isEqualTo(state.transitions()));
    }

    @Test
    void aLateEventWithinGraceAndARedeliveredEventLeaveTheJourneyUnchanged() throws Exception {
        List<Event> history = history();
        Map<String, JourneyState> inOrder = replayed();

        // An event of the ramping account arrives 40 minutes late (grace is an hour), and an event
        // of the silent account's last active day is delivered twice.
        List<Event> disturbed = new ArrayList<>(history);
        Event late =
                disturbed.stream()
                        .filter(e -> e.tenant().equals(RAMP))
                        .filter(
                                e ->
                                        e.at().isAfter(
                                                        FIRST.plusDays(20)
                                                                .atStartOfDay(ZoneOffset.UTC)
                                                                .toInstant()))
                        .findFirst()
                        .orElseThrow();
        disturbed.remove(late);
        int lateAt = indexAfter(disturbed, late.at().plus(Duration.ofMinutes(40)));
        disturbed.add(lateAt, late);
        Event twice =
                disturbed.stream()
                        .filter(e -> e.tenant().equals(SILENT))
                        .filter(
                                e ->
                                        e.at().isBefore(
                                                        FIRST.plusDays(SILENT_FROM)
                                                                .atStartOfDay(ZoneOffset.UTC)
                                                                .toInstant()))
                        .reduce((a, b) -> b)
                        .orElseThrow();
        disturbed.add(indexAfter(disturbed, twice.at().plus(Duration.ofMinutes(10))), twice);

        try (PipelineFixture f = fixtureAfterTheHistory()) {
            accounts(f);
            disturbed.forEach(e -> send(f, e));
            closeTheLastDay(f);
            assertThat(f.listener.duplicates.get()).isEqualTo(1);
            assertThat(f.listener.late.get()).isZero(); // counted, not dropped
            assertThat(journeys(f)).isEqualTo(inOrder);
        }
    }

    @Test
    void aReplayBuildsTheJourneysTheLiveRunBuilt() throws Exception {
        List<Event> history = history();
        Map<String, JourneyState> live = live(history);
        Map<String, JourneyState> replay = replayed();
        // The same events again, each hour's shuffled (stream time moves within grace).
        Map<String, JourneyState> shuffled = replay(shuffledWithinHours(history));

        assertThat(live).hasSize(TENANTS);
        assertThat(replay).isEqualTo(live);
        assertThat(shuffled).isEqualTo(live);
    }

    private static List<Event> shuffledWithinHours(List<Event> history) {
        Map<Instant, List<Event>> hours = new TreeMap<>();
        for (Event e : history) {
            hours.computeIfAbsent(e.at().truncatedTo(ChronoUnit.HOURS), h -> new ArrayList<>())
                    .add(e);
        }
        List<Event> result = new ArrayList<>();
        SplittableRandom random = new SplittableRandom(7);
        for (List<Event> hour : hours.values()) {
            for (int i = hour.size() - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                Event tmp = hour.get(i);
                hour.set(i, hour.get(j));
                hour.set(j, tmp);
            }
            result.addAll(hour);
        }
        return result;
    }

    private static int indexAfter(List<Event> events, Instant at) {
        for (int i = 0; i < events.size(); i++) {
            if (events.get(i).at().isAfter(at)) {
                return i;
            }
        }
        return events.size();
    }

    private static List<String> path(JourneyState state) {
        return state.transitions().stream().map(Transition::to).toList();
    }

    private static PipelineFixture fixtureAfterTheHistory() {
        return new PipelineFixture(
                FIRST.plusDays(DAYS + 30).atStartOfDay(ZoneOffset.UTC).toInstant());
    }

    private static Map<String, JourneyState> replayedHistory;
    private static Map<String, List<Transition>> replayedPublished;

    /**
     * The journeys of {@link #history()} replayed in order, and the moves the run published,
     * computed once for the tests here.
     */
    private static synchronized Map<String, JourneyState> replayed() throws Exception {
        if (replayedHistory == null) {
            try (PipelineFixture f = fixtureAfterTheHistory()) {
                accounts(f);
                history().forEach(e -> send(f, e));
                closeTheLastDay(f);
                Map<String, List<Transition>> published = new TreeMap<>();
                for (KeyValue<String, Transition> kv : f.journeyTransitions.readKeyValuesToList()) {
                    published.computeIfAbsent(kv.key, k -> new ArrayList<>()).add(kv.value);
                }
                replayedPublished = published;
                replayedHistory = journeys(f);
            }
        }
        return replayedHistory;
    }

    /** Everything as fast as it comes, weeks after it happened. */
    private static Map<String, JourneyState> replay(List<Event> history) throws Exception {
        try (PipelineFixture f = fixtureAfterTheHistory()) {
            accounts(f);
            history.forEach(e -> send(f, e));
            closeTheLastDay(f);
            return journeys(f);
        }
    }

    /** Each event as it happens, the wall clock moving with it, an hour's events as it ends. */
    private static Map<String, JourneyState> live(List<Event> history) throws Exception {
        try (PipelineFixture f =
                new PipelineFixture(FIRST.atStartOfDay(ZoneOffset.UTC).toInstant())) {
            accounts(f);
            UnaryOperator<Instant> hourEnd =
                    at -> at.truncatedTo(ChronoUnit.HOURS).plus(Duration.ofHours(1));
            for (Event e : history) {
                if (e.at().isAfter(f.wallClock())) {
                    advanceTo(f, hourEnd.apply(e.at()));
                }
                send(f, e);
            }
            closeTheLastDay(f);
            return journeys(f);
        }
    }

    private static void advanceTo(PipelineFixture f, Instant target) {
        while (f.wallClock().isBefore(target)) {
            Duration step = Duration.between(f.wallClock(), target);
            f.advanceWallClock(
                    step.compareTo(Duration.ofHours(3)) > 0 ? Duration.ofHours(3) : step);
        }
    }

    /** One event of a steady tenant moves stream time past the last day's end and grace. */
    private static void closeTheLastDay(PipelineFixture f) {
        Instant after =
                FIRST.plusDays(DAYS)
                        .atStartOfDay(ZoneOffset.UTC)
                        .toInstant()
                        .plus(Duration.ofHours(2));
        advanceTo(f, after.plusSeconds(60));
        f.send(STEADY, "closer", "user-0", "login", null, after);
    }

    private static void accounts(PipelineFixture f) {
        for (int t = 0; t < TENANTS; t++) {
            String tenant = "tenant-" + t;
            f.accounts.pipeInput(
                    tenant,
                    new Account(
                            tenant,
                            tenant.toUpperCase(),
                            "sarah@example.com",
                            "east",
                            "growth",
                            15L,
                            40_000.0,
                            LocalDate.of(2027, 6, 30),
                            "smb"));
        }
    }

    private static void send(PipelineFixture f, Event e) {
        f.send(e.tenant(), e.id(), e.user(), "feature_used", e.feature(), e.at());
    }

    private static Map<String, JourneyState> journeys(PipelineFixture f) {
        Map<String, JourneyState> result = new TreeMap<>();
        try (KeyValueIterator<String, JourneyState> it = f.journeys().all()) {
            it.forEachRemaining(kv -> result.put(kv.key, kv.value));
        }
        return result;
    }
}
