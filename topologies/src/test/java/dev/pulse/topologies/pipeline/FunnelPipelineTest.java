package dev.pulse.topologies.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pulse.topologies.funnel.FunnelDay;
import dev.pulse.topologies.funnel.FunnelProgress;
import dev.pulse.topologies.funnel.StepTally;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.junit.jupiter.api.Test;

/** The funnel processor in the production topology, with the funnels shipped in config/. */
class FunnelPipelineTest {
    private static final Instant DAY = Instant.parse("2026-11-02T00:00:00Z");
    private static final Instant WALL = DAY.plus(Duration.ofDays(60));

    @Test
    void countsEachStepOnTheDayItIsReachedWithinTheWindow() throws Exception {
        try (PipelineFixture f = new PipelineFixture(WALL)) {
            f.send("acme", "e1", "u1", "login", null, at(0, 9));
            f.send("acme", "e2", "u1", "feature_used", "reports", at(0, 14));
            f.send("acme", "e3", "u2", "login", null, at(0, 15));
            f.send("acme", "e4", "u1", "feature_used", "exports", at(2, 9));
            f.send("acme", "e5", "u1", "feature_used", "integrations", at(13, 9));

            assertThat(users(f, 0)).containsExactly(2L, 1L, 0L, 0L);
            assertThat(users(f, 2)).containsExactly(0L, 0L, 1L, 0L);
            assertThat(users(f, 13)).containsExactly(0L, 0L, 0L, 1L);
            StepTally reports = day(f, 0).steps("reporting").get(1);
            assertThat(reports.medianHours()).isBetween(4.0, 6.0);
            assertThat(f.funnelProgress().get("acme/reporting/u1"))
                    .isEqualTo(
                            new FunnelProgress(
                                    4, at(0, 9).toEpochMilli(), at(13, 9).toEpochMilli()));
        }
    }

    @Test
    void doesNotCountAStepAfterTheWindowAndStartsANewAttemptWithTheNextFirstStep()
            throws Exception {
        try (PipelineFixture f = new PipelineFixture(WALL)) {
            f.send("acme", "e1", "u1", "login", null, at(0, 9));
            f.send("acme", "e2", "u1", "feature_used", "reports", at(15, 9));
            f.send("acme", "e3", "u1", "login", null, at(15, 10));
            f.send("acme", "e4", "u1", "feature_used", "reports", at(15, 11));

            assertThat(users(f, 0)).containsExactly(1L, 0L, 0L, 0L);
            assertThat(users(f, 15)).containsExactly(1L, 1L, 0L, 0L);
            assertThat(f.funnelProgress().get("acme/reporting/u1").enteredAtMs())
                    .isEqualTo(at(15, 10).toEpochMilli());
        }
    }

    @Test
    void countsAStepOnlyOnceTheStepBeforeItWasReached() throws Exception {
        try (PipelineFixture f = new PipelineFixture(WALL)) {
            f.send("acme", "e1", "u1", "login", null, at(0, 9));
            f.send("acme", "e2", "u1", "feature_used", "exports", at(0, 10));
            f.send("acme", "e3", "u1", "feature_used", "reports", at(0, 11));
            assertThat(users(f, 0)).containsExactly(1L, 1L, 0L, 0L);

            f.send("acme", "e4", "u1", "feature_used", "exports", at(0, 12));
            assertThat(users(f, 0)).containsExactly(1L, 1L, 1L, 0L);
        }
    }

    @Test
    void countsAFunnelEventLateWithinGraceAndDropsOneBeyondIt() throws Exception {
        try (PipelineFixture f = new PipelineFixture(WALL)) {
            f.send("acme", "e1", "u1", "login", null, at(0, 9));
            f.send("acme", "tick", "u9", "api_call", null, at(0, 12)); // stream time 12:00
            // 11:00-12:00 closes at 12:00 and has an hour of grace: 11:20 still counts.
            f.send("acme", "e2", "u1", "feature_used", "reports", at(0, 11).plusSeconds(1200));
            // 10:00-11:00 was past its grace at 12:00: a login at 10:50 is dropped.
            f.send("acme", "e3", "u2", "login", null, at(0, 10).plusSeconds(3000));

            assertThat(users(f, 0)).containsExactly(1L, 1L, 0L, 0L);
            assertThat(f.funnelProgress().get("acme/reporting/u2")).isNull();
            assertThat(f.listener.funnelLate).hasValue(1);
        }
    }

    @Test
    void countsARedeliveredEventOnce() throws Exception {
        try (PipelineFixture f = new PipelineFixture(WALL)) {
            f.send("acme", "e1", "u1", "login", null, at(0, 9));
            f.send("acme", "e2", "u1", "feature_used", "reports", at(0, 10));
            f.send("acme", "e2", "u1", "feature_used", "reports", at(0, 10));
            // A second attempt cannot start either: the re-delivered login is dropped upstream.
            f.send("acme", "e1", "u1", "login", null, at(0, 9));

            assertThat(users(f, 0)).containsExactly(1L, 1L, 0L, 0L);
            assertThat(f.listener.duplicates).hasValue(2);
        }
    }

    @Test
    void keepsTenantsApartAndSkipsEventsOfNoStep() throws Exception {
        try (PipelineFixture f = new PipelineFixture(WALL)) {
            f.send("acme", "e1", "u1", "login", null, at(0, 9));
            f.send("globex", "e1", "u1", "login", null, at(0, 9));
            f.send("globex", "e2", "u1", "ticket_opened", null, at(0, 10));
            f.send("globex", "e3", "u1", "feature_used", "search", at(0, 10));

            assertThat(users(f, 0)).containsExactly(1L, 0L, 0L, 0L);
            assertThat(day(f, "globex", 0).steps("reporting").get(0).users()).isEqualTo(1);
            assertThat(day(f, "globex", 0).steps("automation").get(0).users()).isEqualTo(1);
        }
    }

    @Test
    void aReplayInOtherBatchesBuildsTheSameStores() throws Exception {
        List<String[]> events = new ArrayList<>();
        for (int user = 0; user < 12; user++) {
            String u = "u" + user;
            events.add(new String[] {u + "a", u, "login", null, at(user % 3, 8).toString()});
            if (user % 4 != 0) {
                events.add(
                        new String[] {
                            u + "b", u, "feature_used", "reports", at(user % 3, 9 + user).toString()
                        });
            }
            if (user % 2 == 0) {
                events.add(
                        new String[] {
                            u + "c", u, "feature_used", "exports", at(4, user).toString()
                        });
                events.add(
                        new String[] {
                            u + "d", u, "feature_used", "dashboards", at(5, 1).toString()
                        });
            }
        }
        events.sort((a, b) -> a[4].compareTo(b[4]));
        Stores live;
        try (PipelineFixture f = new PipelineFixture(WALL)) {
            for (String[] e : events) {
                f.send("acme", e[0], e[1], e[2], e[3], Instant.parse(e[4]));
                f.advanceWallClock(Duration.ofSeconds(31)); // commits and punctuations in between
            }
            live = Stores.of(f);
        }
        Stores replayed;
        try (PipelineFixture f = new PipelineFixture(WALL)) {
            for (String[] e : events) {
                f.send("acme", e[0], e[1], e[2], e[3], Instant.parse(e[4]));
            }
            replayed = Stores.of(f);
        }
        assertThat(live.daily()).isNotEmpty();
        assertThat(replayed).isEqualTo(live);
    }

    private record Stores(Map<String, FunnelDay> daily, Map<String, FunnelProgress> progress) {
        static Stores of(PipelineFixture f) {
            Map<String, FunnelDay> daily = new TreeMap<>();
            try (KeyValueIterator<Windowed<String>, FunnelDay> it = f.funnelDaily().all()) {
                it.forEachRemaining(
                        kv -> {
                            if (kv.value != null) {
                                daily.put(kv.key.key() + "@" + kv.key.window().start(), kv.value);
                            }
                        });
            }
            Map<String, FunnelProgress> progress = new TreeMap<>();
            try (KeyValueIterator<String, FunnelProgress> it = f.funnelProgress().all()) {
                it.forEachRemaining(
                        (KeyValue<String, FunnelProgress> kv) -> progress.put(kv.key, kv.value));
            }
            return new Stores(daily, progress);
        }
    }

    private static Instant at(int day, int hour) {
        return DAY.plus(Duration.ofDays(day)).plus(Duration.ofHours(hour));
    }

    private static FunnelDay day(PipelineFixture f, int day) {
        return day(f, "acme", day);
    }

    private static FunnelDay day(PipelineFixture f, String tenant, int day) {
        FunnelDay stored = f.funnelDaily().fetch(tenant, at(day, 0).toEpochMilli());
        return stored == null ? FunnelDay.empty(at(day, 0)) : stored;
    }

    private static List<Long> users(PipelineFixture f, int day) {
        List<StepTally> steps = day(f, day).steps("reporting");
        List<Long> users = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            users.add(i < steps.size() ? steps.get(i).users() : 0L);
        }
        return users;
    }
}
