package dev.pulse.topologies.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pulse.topologies.account.Account;
import dev.pulse.topologies.engagement.EngagementBucket;
import dev.pulse.topologies.health.Band;
import dev.pulse.topologies.health.HealthScore;
import dev.pulse.topologies.topic.PulseTopics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;

class HealthPipelineTopologyTest {
    private static final Instant DAY = Instant.parse("2026-11-10T00:00:00Z");
    private static final Instant NOON = DAY.plus(Duration.ofHours(12));

    @Test
    void countsEventsIntoHourlyAndDailyBuckets() throws Exception {
        try (PipelineFixture f = new PipelineFixture(NOON)) {
            f.send("acme", "e1", "u1", "login", null, DAY.plusSeconds(10 * 3600));
            f.send("acme", "e2", "u1", "feature_used", "reports", DAY.plusSeconds(10 * 3600 + 60));
            f.send("acme", "e3", "u2", "feature_used", "alerts", DAY.plusSeconds(10 * 3600 + 120));
            f.send("acme", "e4", "u3", "api_call", null, DAY.plusSeconds(11 * 3600));

            EngagementBucket tenAm =
                    f.hourly().fetch("acme", DAY.plusSeconds(10 * 3600).toEpochMilli());
            assertThat(tenAm.events()).isEqualTo(3);
            assertThat(tenAm.activeUsers()).isEqualTo(2);
            assertThat(tenAm.features()).containsEntry("reports", 1L).containsEntry("alerts", 1L);
            EngagementBucket day = f.daily().fetch("acme", DAY.toEpochMilli());
            assertThat(day.events()).isEqualTo(4);
            assertThat(day.activeUsers()).isEqualTo(3);
            assertThat(day.byType()).containsEntry("login", 1L).containsEntry("api_call", 1L);
        }
    }

    @Test
    void countsARedeliveredEventOnce() throws Exception {
        try (PipelineFixture f = new PipelineFixture(NOON)) {
            f.send("acme", "same-id", "u1", "login", null, DAY.plusSeconds(3600));
            f.send("acme", "same-id", "u1", "login", null, DAY.plusSeconds(3600));
            f.send("globex", "same-id", "u1", "login", null, DAY.plusSeconds(3600));

            assertThat(f.daily().fetch("acme", DAY.toEpochMilli()).events()).isEqualTo(1);
            assertThat(f.daily().fetch("globex", DAY.toEpochMilli()).events()).isEqualTo(1);
            assertThat(f.listener.duplicates).hasValue(1);
        }
    }

    @Test
    void countsLateEventWithinGraceAndDropsOneBeyondIt() throws Exception {
        try (PipelineFixture f = new PipelineFixture(NOON)) {
            f.send("acme", "now", "u1", "login", null, DAY.plusSeconds(10 * 3600 + 1800));
            // 9:00-10:00 closed at 10:00; grace is one hour, so 9:30 is still accepted at 10:30.
            f.send("acme", "late-ok", "u1", "login", null, DAY.plusSeconds(9 * 3600 + 1800));
            f.send("acme", "later", "u1", "login", null, DAY.plusSeconds(11 * 3600 + 60));
            // At 11:01 the 9:00 hour is past its grace: an event from 9:45 is dropped.
            f.send("acme", "too-late", "u1", "login", null, DAY.plusSeconds(9 * 3600 + 2700));

            assertThat(f.daily().fetch("acme", DAY.toEpochMilli()).events()).isEqualTo(3);
            assertThat(f.hourly().fetch("acme", DAY.plusSeconds(9 * 3600).toEpochMilli()).events())
                    .isEqualTo(1);
            assertThat(f.listener.late).hasValue(1);
        }
    }

    @Test
    void sendsMalformedRecordsToTheDeadLetterTopicWithTheReasonAndKeepsGoing() throws Exception {
        try (PipelineFixture f = new PipelineFixture(NOON)) {
            f.sendRaw("acme", "{not json");
            f.sendRaw(
                    "acme",
                    "{\"eventId\":\"x\",\"userId\":\"u\",\"type\":\"login\",\"timestamp\":\"2026-11-10T01:00:00Z\"}");
            f.send("globex", "k1", "u1", "login", null, DAY.plusSeconds(3600)); // keyed globex...
            f.sendRaw(
                    "wrong-key",
                    "{\"eventId\":\"y\",\"tenantId\":\"acme\",\"userId\":\"u\",\"type\":\"login\","
                            + "\"timestamp\":\"2026-11-10T01:00:00Z\"}");
            f.send("acme", "good", "u1", "login", null, DAY.plusSeconds(3600));

            List<TestRecord<String, byte[]>> dead = f.deadLetters.readRecordsToList();
            assertThat(dead).hasSize(3);
            assertThat(header(dead.get(0), PulseTopics.DLQ_CODE_HEADER))
                    .isEqualTo("malformed_json");
            assertThat(new String(dead.get(0).value(), StandardCharsets.UTF_8))
                    .isEqualTo("{not json");
            assertThat(header(dead.get(1), PulseTopics.DLQ_REASON_HEADER))
                    .isEqualTo("'tenantId' is required");
            assertThat(header(dead.get(2), PulseTopics.DLQ_CODE_HEADER)).isEqualTo("key_mismatch");
            assertThat(header(dead.get(2), PulseTopics.DLQ_SOURCE_HEADER))
                    .startsWith(PulseTopics.USAGE_EVENTS.name() + "-0@");
            assertThat(f.listener.deadLetters).hasValue(3);
            assertThat(f.daily().fetch("acme", DAY.toEpochMilli()).events()).isEqualTo(1);
        }
    }

    @Test
    void judgesEventTimesByTheTaskClockAndDeadLettersEmptyRecords() throws Exception {
        // The serde parses each record once; the clock rule still runs in the task, on its clock.
        try (PipelineFixture f = new PipelineFixture(NOON)) {
            f.send("acme", "soon", "u1", "login", null, NOON.plus(Duration.ofMinutes(4)));
            f.send("acme", "future", "u1", "login", null, NOON.plus(Duration.ofMinutes(6)));
            // A bad NPS score in the future: the clock rule comes first, as in the HTTP ingest.
            f.sendRaw(
                    "acme",
                    "{\"eventId\":\"n\",\"tenantId\":\"acme\",\"userId\":\"u\","
                            + "\"type\":\"nps_response\",\"timestamp\":\""
                            + NOON.plus(Duration.ofMinutes(6))
                            + "\",\"properties\":{\"score\":11}}");
            f.events.pipeInput("acme", (byte[]) null);
            f.send("acme", "good", "u1", "login", null, NOON.minus(Duration.ofMinutes(30)));

            List<TestRecord<String, byte[]>> dead = f.deadLetters.readRecordsToList();
            assertThat(dead)
                    .extracting(r -> header(r, PulseTopics.DLQ_CODE_HEADER))
                    .containsExactly("future_timestamp", "future_timestamp", "empty");
            assertThat(dead.get(2).value()).isNull();
            assertThat(f.listener.deadLetters).hasValue(3);
            assertThat(f.listener.counted).hasValue(2);
            assertThat(f.daily().fetch("acme", DAY.toEpochMilli()).events()).isEqualTo(2);
        }
    }

    @Test
    void countsEveryEventWhenATenantsEventsAlternateBetweenWindows() throws Exception {
        try (PipelineFixture f = new PipelineFixture(NOON)) {
            for (int i = 0; i < 10; i++) {
                long hour = 9 + i % 2; // 9:00, 10:00, 9:00, ... all within the grace period
                f.send("acme", "a" + i, "u" + i, "login", null, DAY.plusSeconds(hour * 3600 + i));
                f.send("globex", "g" + i, "u1", "api_call", null, DAY.plusSeconds(10 * 3600 + i));
            }

            assertThat(f.hourly().fetch("acme", DAY.plusSeconds(9 * 3600).toEpochMilli()).events())
                    .isEqualTo(5);
            EngagementBucket ten =
                    f.hourly().fetch("acme", DAY.plusSeconds(10 * 3600).toEpochMilli());
            assertThat(ten.events()).isEqualTo(5);
            assertThat(ten.activeUsers()).isEqualTo(5);
            assertThat(f.daily().fetch("acme", DAY.toEpochMilli()).activeUsers()).isEqualTo(10);
            assertThat(f.daily().fetch("globex", DAY.toEpochMilli()).eventsOfType("api_call"))
                    .isEqualTo(10);
        }
    }

    @Test
    void theDecodedScoresForReadsEqualTheStoreAndGoWhenTheTaskCloses() throws Exception {
        PipelineFixture f = new PipelineFixture(NOON);
        try (f) {
            f.accounts.pipeInput("acme", account("acme", 4));
            f.accounts.pipeInput("globex", account("globex", 4));
            f.send("acme", "e1", "u1", "feature_used", "reports", NOON.minusSeconds(60));
            f.send("globex", "e2", "u1", "login", null, NOON.minusSeconds(30));
            f.refreshScores();
            f.send("acme", "e3", "u2", "login", null, NOON.minusSeconds(10));
            f.refreshScores();

            Map<String, HealthScore> stored = new HashMap<>();
            try (KeyValueIterator<String, HealthScore> all = f.currentScores().all()) {
                all.forEachRemaining(kv -> stored.put(kv.key, kv.value));
            }
            assertThat(stored).containsOnlyKeys("acme", "globex");
            assertThat(f.decodedScores.partition(0)).isEqualTo(stored);
        }
        assertThat(f.decodedScores.partition(0)).isNull();
    }

    @Test
    void scoresATenantWithinOneRefreshIntervalOfItsEvents() throws Exception {
        try (PipelineFixture f = new PipelineFixture(NOON)) {
            f.accounts.pipeInput("acme", account("acme", 4));
            f.send("acme", "e1", "u1", "feature_used", "reports", NOON.minusSeconds(60));

            f.refreshScores();

            HealthScore score = f.currentScores().get("acme");
            assertThat(score).isNotNull();
            assertThat(score.modelVersion()).isEqualTo(PipelineFixture.MODEL.version());
            assertThat(score.lastEventAt()).isEqualTo(NOON.minusSeconds(60));
            assertThat(score.contributions()).extracting("measure").contains("seat_utilisation");
            assertThat(f.scores.readKeyValuesToMap()).containsKey("acme");
        }
    }

    @Test
    void aSteadyTenantIsHealthyAndADecliningOneFallsWithNegativeDeltas() throws Exception {
        Instant start = DAY.minus(Duration.ofDays(45));
        // The wall clock stays at 13:00 of the day being sent: after its events, before tomorrow's.
        try (PipelineFixture f = new PipelineFixture(start.plus(Duration.ofHours(13)))) {
            f.accounts.pipeInput("steady", account("steady", 10));
            f.accounts.pipeInput("fading", account("fading", 10));
            for (int d = 0; d < 45; d++) {
                Instant day = start.plus(Duration.ofDays(d));
                int fadingUsers = d < 29 ? 9 : 1; // usage collapses for the last 16 days
                activeDay(f, "steady", day, 9);
                activeDay(f, "fading", day, fadingUsers);
                if (d < 44) {
                    f.driver.advanceWallClockTime(Duration.ofDays(1));
                }
            }
            f.refreshScores();

            HealthScore steady = f.currentScores().get("steady");
            HealthScore fading = f.currentScores().get("fading");
            assertThat(steady.band()).isEqualTo(Band.HEALTHY);
            assertThat(steady.delta7d()).isBetween(-3.0, 3.0);
            assertThat(fading.score()).isLessThan(steady.score() - 25);
            assertThat(fading.delta7d()).isLessThan(-15.0);
            assertThat(fading.delta30d()).isLessThan(-15.0);
            assertThat(fading.topReason()).isNotBlank();
            // End-of-day history exists for the replayed days.
            long historyDays = 0;
            try (var it =
                    f.dailyScores().fetch("steady", start.toEpochMilli(), DAY.toEpochMilli())) {
                while (it.hasNext()) {
                    it.next();
                    historyDays++;
                }
            }
            assertThat(historyDays).isGreaterThanOrEqualTo(40);
        }
    }

    @Test
    void aSilentTenantsScoreFallsWithoutNewEvents() throws Exception {
        Instant start = DAY.minus(Duration.ofDays(20));
        try (PipelineFixture f = new PipelineFixture(DAY)) {
            f.accounts.pipeInput("quiet", account("quiet", 10));
            for (int d = 0; d < 20; d++) {
                activeDay(f, "quiet", start.plus(Duration.ofDays(d)), 9);
            }
            // Past days, so the data is behind: current scores follow the full recompute.
            f.advanceWallClock(Duration.ofMinutes(1));
            double active = f.currentScores().get("quiet").score();

            f.driver.advanceWallClockTime(Duration.ofDays(15)); // full rescoring runs every minute

            HealthScore silent = f.currentScores().get("quiet");
            assertThat(silent.score()).isLessThan(active - 30);
            assertThat(silent.band()).isEqualTo(Band.AT_RISK);
        }
    }

    @Test
    void whileTheDataIsBehindAKnownTenantIsRescoredOnceItHasCaughtUp() throws Exception {
        // No full recompute in the way: what rescores the tenant here is the data catching up.
        PipelineSettings settings =
                PipelineSettings.defaults().withFullRecomputeInterval(Duration.ofDays(30));
        Instant start = DAY.minus(Duration.ofDays(20));
        try (PipelineFixture f = new PipelineFixture(DAY, settings)) {
            f.accounts.pipeInput("replayed", account("replayed", 10));
            activeDay(f, "replayed", start, 9);
            f.refreshScores();
            HealthScore firstSeen = f.currentScores().get("replayed");

            for (int d = 1; d < 20; d++) {
                activeDay(f, "replayed", start.plus(Duration.ofDays(d)), 9);
                f.refreshScores();
            }
            HealthScore behind = f.currentScores().get("replayed");
            // Not rescored for every day loaded, but its activity is current: closes read it.
            assertThat(behind.asOf()).isEqualTo(firstSeen.asOf());
            assertThat(behind.lastEventAt()).isAfter(start.plus(Duration.ofDays(19)));
            assertThat(
                            f.dailyScores()
                                    .fetch(
                                            "replayed",
                                            start.plus(Duration.ofDays(17)).toEpochMilli()))
                    .as("the days closed all the same")
                    .isNotNull();

            f.advanceWallClock(Duration.ofMinutes(5)); // idle: the data has caught up
            f.refreshScores();

            HealthScore caughtUp = f.currentScores().get("replayed");
            assertThat(caughtUp.asOf()).isAfterOrEqualTo(DAY);
            assertThat(caughtUp.lastEventAt()).isEqualTo(behind.lastEventAt());
            assertThat(caughtUp.score()).isNotEqualTo(firstSeen.score());
        }
    }

    @Test
    void publishesAScoreOnlyWhenItVisiblyChanges() throws Exception {
        try (PipelineFixture f = new PipelineFixture(NOON)) {
            f.send("acme", "e1", "u1", "login", null, NOON.minusSeconds(60));
            f.refreshScores();
            f.refreshScores();
            f.driver.advanceWallClockTime(Duration.ofMinutes(1));

            assertThat(f.scores.readValuesToList()).hasSize(1);
        }
    }

    private static void activeDay(PipelineFixture f, String tenant, Instant day, int users) {
        String[] features = {"dashboards", "reports", "alerts", "integrations", "exports"};
        for (int e = 0; e < 4; e++) {
            for (int u = 0; u < users; u++) {
                Instant at = day.plus(Duration.ofHours(9 + e)).plusSeconds(u);
                f.send(
                        tenant,
                        tenant
                                + "-"
                                + LocalDate.ofInstant(day, java.time.ZoneOffset.UTC)
                                + "-"
                                + u
                                + "-"
                                + e,
                        "user-" + u,
                        "feature_used",
                        features[(u + e) % features.length],
                        at);
            }
        }
    }

    static Account account(String tenant, long seats) {
        return new Account(
                tenant,
                tenant.toUpperCase(),
                "sarah@example.com",
                "east",
                "growth",
                seats,
                50_000.0,
                LocalDate.parse("2027-06-30"),
                "mid-market");
    }

    private static String header(TestRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
