package dev.pulse.topologies.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pulse.topologies.account.Account;
import dev.pulse.topologies.alert.Alert;
import dev.pulse.topologies.alert.AlertState;
import dev.pulse.topologies.health.HealthScore;
import dev.pulse.topologies.topic.PulseStores;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.WindowStore;
import org.junit.jupiter.api.Test;

/**
 * Event time everywhere: the same events replayed twice build the same daily scores, at-risk
 * decisions and alert history, and a replay builds the daily history the live run built, with the
 * same at-risk alerts on the same days.
 */
class ReplayDeterminismTest {
    private static final LocalDate FIRST = LocalDate.of(2026, 6, 1);
    private static final int DAYS = 84;
    private static final int TENANTS = 6;
    private static final String FADING = "tenant-0";
    private static final String SILENT = "tenant-1";

    /** One event to send: its tenant, user, type, feature and time. */
    private record Event(String id, String tenant, String user, String feature, Instant at) {}

    /** Six tenants: one fades from day 49, one goes silent on day 70, the rest are steady. */
    private static List<List<Event>> history() {
        List<List<Event>> days = new ArrayList<>();
        String[] features = {"dashboards", "reports", "alerts", "integrations", "exports"};
        for (int d = 0; d < DAYS; d++) {
            LocalDate day = FIRST.plusDays(d);
            boolean weekend =
                    day.getDayOfWeek() == DayOfWeek.SATURDAY
                            || day.getDayOfWeek() == DayOfWeek.SUNDAY;
            List<Event> events = new ArrayList<>();
            for (int t = 0; t < TENANTS; t++) {
                String tenant = "tenant-" + t;
                double level = 1;
                if (tenant.equals(FADING) && d >= 49) {
                    level = Math.max(0.1, 1 - (d - 49) / 30.0);
                }
                if (tenant.equals(SILENT) && d >= 70) {
                    level = 0;
                }
                SplittableRandom random = new SplittableRandom(t * 1000L + d);
                int users = (int) Math.round(12 * level * (weekend ? 0.3 : 1));
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
                                        features[(u + a) % features.length],
                                        at));
                    }
                }
            }
            events.sort(java.util.Comparator.comparing(Event::at));
            days.add(events);
        }
        return days;
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

    private static Outcome replayedOnce;

    /** {@link #history()} replayed, once for both tests: a replay is most of their time. */
    private static synchronized Outcome replayedOnce() throws Exception {
        if (replayedOnce == null) {
            replayedOnce = replay(history());
        }
        return replayedOnce;
    }

    /** Everything as fast as it comes, weeks after it happened. */
    private static Outcome replay(List<List<Event>> history) throws Exception {
        Instant later = FIRST.plusDays(DAYS + 30).atStartOfDay(ZoneOffset.UTC).toInstant();
        try (PipelineFixture f = new PipelineFixture(later)) {
            accounts(f);
            history.forEach(day -> day.forEach(e -> send(f, e)));
            closeTheLastDay(f);
            return Outcome.of(f);
        }
    }

    /** Each event as it happens, the wall clock moving with it. */
    private static Outcome live(List<List<Event>> history) throws Exception {
        Instant start = FIRST.atStartOfDay(ZoneOffset.UTC).toInstant();
        try (PipelineFixture f = new PipelineFixture(start)) {
            accounts(f);
            for (List<Event> day : history) {
                for (Event e : day) {
                    if (e.at().isAfter(f.wallClock())) {
                        // The hour's events arrive as it ends, like a source that sends hourly.
                        advanceTo(
                                f,
                                e.at().truncatedTo(java.time.temporal.ChronoUnit.HOURS)
                                        .plus(Duration.ofHours(1)));
                    }
                    send(f, e);
                }
                Consumer<Instant> until = at -> advanceTo(f, at);
                Instant nextDay = day.isEmpty() ? f.wallClock() : day.get(0).at();
                until.accept(
                        LocalDate.ofInstant(nextDay, ZoneOffset.UTC)
                                .plusDays(1)
                                .atStartOfDay(ZoneOffset.UTC)
                                .toInstant());
            }
            closeTheLastDay(f);
            return Outcome.of(f);
        }
    }

    /** Moves the wall clock in steps of at most three hours: live, the schedules run between. */
    private static void advanceTo(PipelineFixture f, Instant target) {
        while (f.wallClock().isBefore(target)) {
            Duration step = Duration.between(f.wallClock(), target);
            f.advanceWallClock(
                    step.compareTo(Duration.ofHours(3)) > 0 ? Duration.ofHours(3) : step);
        }
    }

    /** One late event of another tenant moves stream time past the last day's end and grace. */
    private static void closeTheLastDay(PipelineFixture f) {
        Instant after =
                FIRST.plusDays(DAYS)
                        .atStartOfDay(ZoneOffset.UTC)
                        .toInstant()
                        .plus(Duration.ofHours(2));
        advanceTo(f, after.plusSeconds(60));
        f.send("tenant-" + (TENANTS - 1), "closer", "user-0", "login", null, after);
    }

    /**
     * What a run leaves behind: each tenant's end-of-day score, band and decision per day, and the
     * alert history.
     */
    private record Outcome(List<String> days, List<String> alertHistory, List<Alert> changes) {
        static Outcome of(PipelineFixture f) {
            List<String> days = new ArrayList<>();
            TreeMap<String, String> sorted = new TreeMap<>();
            try (KeyValueIterator<Windowed<String>, HealthScore> it = f.dailyScores().all()) {
                while (it.hasNext()) {
                    KeyValue<Windowed<String>, HealthScore> kv = it.next();
                    HealthScore s = kv.value;
                    if (s == null) {
                        continue;
                    }
                    sorted.put(
                            kv.key.key() + " " + kv.key.window().startTime(),
                            s.score()
                                    + " "
                                    + s.band()
                                    + " "
                                    + (s.risk() == null
                                            ? "-"
                                            : s.risk().atRisk() + " " + s.risk().reason()));
                }
            }
            sorted.forEach((k, v) -> days.add(k + " " + v));
            List<String> history = new ArrayList<>();
            WindowStore<String, Alert> store = f.driver.getWindowStore(PulseStores.ALERT_HISTORY);
            try (KeyValueIterator<Windowed<String>, Alert> it = store.all()) {
                while (it.hasNext()) {
                    KeyValue<Windowed<String>, Alert> kv = it.next();
                    if (kv.value != null) {
                        history.add(
                                kv.key.window().startTime()
                                        + " "
                                        + kv.value.id()
                                        + " "
                                        + kv.value.state()
                                        + " "
                                        + kv.value.explanation());
                    }
                }
            }
            return new Outcome(days, history, f.alerts.readValuesToList());
        }

        List<String> atRiskFiringDays() {
            return changes.stream()
                    .filter(a -> a.ruleId().equals("at-risk") && a.state() == AlertState.FIRING)
                    .filter(a -> a.firedAt() != null && a.lastEvaluatedAt().equals(a.firedAt()))
                    .map(a -> a.tenantId() + " " + LocalDate.ofInstant(a.firedAt(), ZoneOffset.UTC))
                    .toList();
        }
    }

    @Test
    void replayingTheSameEventsTwiceBuildsTheSameScoresDecisionsAndAlertHistory() throws Exception {
        Outcome first = replayedOnce();
        Outcome second = replay(history());

        assertThat(first.days()).hasSizeGreaterThan(TENANTS * (DAYS - 2));
        assertThat(second.days()).isEqualTo(first.days());
        assertThat(second.alertHistory()).isEqualTo(first.alertHistory()).isNotEmpty();
        assertThat(first.atRiskFiringDays()).anyMatch(d -> d.startsWith(FADING + " "));
    }

    @Test
    void aReplayBuildsTheDailyHistoryAndAtRiskAlertsTheLiveRunBuilt() throws Exception {
        Outcome replayed = replayedOnce();
        Outcome lived = live(history());

        assertThat(replayed.days()).isEqualTo(lived.days());
        assertThat(replayed.atRiskFiringDays())
                .isEqualTo(lived.atRiskFiringDays())
                .anyMatch(d -> d.startsWith(FADING + " "));
        // The fading tenant is at risk before it is gone: the decision comes while it still uses
        // the product.
        String fired =
                replayed.atRiskFiringDays().stream()
                        .filter(d -> d.startsWith(FADING + " "))
                        .findFirst()
                        .orElseThrow();
        assertThat(LocalDate.parse(fired.substring(FADING.length() + 1)))
                .isBefore(FIRST.plusDays(49 + 27));
        // Replayed alerts are history: marked so, and the notifier tells nobody about them.
        assertThat(replayed.changes()).allMatch(Alert::isReplayed);
        assertThat(lived.changes()).noneMatch(Alert::isReplayed);
    }
}
