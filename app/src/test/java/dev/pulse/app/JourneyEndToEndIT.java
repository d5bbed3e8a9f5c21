package dev.pulse.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pulse.app.config.PulseConfig;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The account journey over the whole running program and a real broker: weeks of two accounts'
 * usage sent oldest first, a new account ramping up and an old one going silent. As stream time
 * closes each day the journey moves, and both journey routes answer from the journeys store.
 *
 * <p>Like {@link AlertHistoryEndToEndIT} this test runs its own embedded broker rather than {@code
 * SharedKafkaBroker}: journeys move only when days close by stream time, and on the shared broker
 * earlier tests' events of today have already moved every partition's stream time to now (with a
 * 30-day grace there, nothing of the last weeks could close).
 */
class JourneyEndToEndIT {
    private static final String SARAH = "sarah.chen@demo.pulse.dev";
    private static final String DAVID = "david.okafor@demo.pulse.dev";
    private static final int RAMP_DAYS = 35;

    /** Partitions of the usage events in the test configuration. */
    private static final int PARTITIONS = 2;

    private static final int SILENT_HISTORY_DAYS = 76;
    private static final int SILENT_FOR_DAYS = 17;
    private static final String[] FEATURES = {
        "reports", "dashboards", "alerts", "integrations", "exports", "automations"
    };

    @TempDir Path stateDir;
    @TempDir Path kafkaDir;

    @Test
    void weeksOfUsageMoveTwoAccountsThroughTheJourneyAndBothRoutesShowIt() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String silent = "jrn-" + run + "-silent";
        String ramp = samePartition("jrn-" + run + "-ramp", silent);
        String davids = "jrn-" + run + "-davids";
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        // Stream time ends on yesterday's events: the day before yesterday is the last to close.
        LocalDate lastClosed = today.minusDays(2);
        LocalDate rampStart = today.minusDays(RAMP_DAYS);
        LocalDate silentStart = today.minusDays(SILENT_HISTORY_DAYS);
        LocalDate lastActive = today.minusDays(SILENT_FOR_DAYS + 1);

        try (PulseApplication pulse = start(run)) {
            PulseHttp admin = new PulseHttp(pulse.apiPort());
            admin.addAccounts(
                    ramp
                            + ",Ramp,"
                            + SARAH
                            + ",10\n"
                            + silent
                            + ",Silent,"
                            + SARAH
                            + ",10\n"
                            + davids
                            + ",His,"
                            + DAVID
                            + ",5\n");
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> admin.get("/v1/accounts/" + silent).status() == 200);
            for (LocalDate week = silentStart; week.isBefore(today); week = week.plusDays(7)) {
                LocalDate end = week.plusDays(7).isBefore(today) ? week.plusDays(7) : today;
                PulseHttp.Response sent =
                        admin.post(
                                "/v1/events",
                                "application/x-ndjson",
                                usage(run, ramp, silent, week, end, rampStart, lastActive));
                assertThat(sent.status()).as(sent.body()).isEqualTo(200);
            }

            PulseHttp sarah = admin.as(SARAH);
            JsonNode rampJourney = closedThrough(sarah, ramp, lastClosed);
            JsonNode silentJourney = closedThrough(sarah, silent, lastClosed);

            assertThat(rampJourney.path("name").asText()).isEqualTo("Ramp");
            assertThat(rampJourney.path("modelVersion").asText())
                    .isEqualTo(pulse.journey().version());
            List<String> rampPath = path(rampJourney);
            assertThat(rampPath).as(rampJourney.toString()).startsWith("onboarding", "activated");
            assertThat(rampPath).contains("adopting");
            JsonNode first = rampJourney.path("transitions").get(0);
            assertThat(first.path("from").isNull()).isTrue();
            assertThat(first.path("day").asText()).isEqualTo(rampStart.toString());

            assertThat(path(silentJourney))
                    .as(silentJourney.toString())
                    .startsWith("onboarding")
                    .endsWith("at_risk", "churned");
            JsonNode churned = silentJourney.path("stage");
            assertThat(churned.path("id").asText()).isEqualTo("churned");
            assertThat(churned.path("kind").asText()).isEqualTo("exit");
            assertThat(churned.path("since").asText())
                    .isEqualTo(lastActive.plusDays(14).toString());

            JsonNode aggregate =
                    sarah.get("/v1/journey?from=" + silentStart + "&to=" + today.plusDays(1))
                            .json();
            assertThat(aggregate.path("accounts").asInt()).as(aggregate.toString()).isEqualTo(2);
            assertThat(current(aggregate, "churned")).isEqualTo(1);
            assertThat(current(aggregate, "onboarding")).isZero();
            assertThat(entered(aggregate, "onboarding")).isEqualTo(2);
            assertThat(aggregate.path("flows").toString()).contains("\"from\":\"onboarding\"");
            assertThat(aggregate.path("paths").size()).isEqualTo(2);
            JsonNode cohort =
                    sarah.get(
                                    "/v1/journey?from="
                                            + silentStart
                                            + "&cohort="
                                            + rampStart.toString().substring(0, 7))
                            .json();
            assertThat(cohort.path("accounts").asInt()).as("the new account only").isEqualTo(1);

            assertThat(sarah.get("/v1/accounts/" + davids + "/journey").status())
                    .as("another owner's account")
                    .isEqualTo(403);
            PulseHttp.Response badCohort = sarah.get("/v1/journey?cohort=last-month");
            assertThat(badCohort.status()).isEqualTo(400);
            assertThat(badCohort.json().path("parameter").asText()).isEqualTo("cohort");
        }
    }

    /**
     * A tenant id starting with {@code prefix} on the partition of {@code other}. Days close by
     * each partition's stream time: the silent account's days close only while another account of
     * its partition is active, as in any deployment with more than one account per partition.
     */
    private static String samePartition(String prefix, String other) {
        for (int i = 0; ; i++) {
            String candidate = prefix + i;
            if (partition(candidate) == partition(other)) {
                return candidate;
            }
        }
    }

    private static int partition(String tenant) {
        return Utils.toPositive(Utils.murmur2(tenant.getBytes(StandardCharsets.UTF_8)))
                % PARTITIONS;
    }

    /** The account's journey once its days through {@code day} are closed. */
    private static JsonNode closedThrough(PulseHttp caller, String tenant, LocalDate day) {
        return await().atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(500))
                .until(
                        () -> caller.get("/v1/accounts/" + tenant + "/journey").json(),
                        journey -> {
                            JsonNode stage = journey.path("stage");
                            if (!stage.isObject()) {
                                return false;
                            }
                            LocalDate since = LocalDate.parse(stage.path("since").asText());
                            return !since.plusDays(stage.path("days").asLong() - 1).isBefore(day);
                        });
    }

    private static List<String> path(JsonNode journey) {
        List<String> stages = new ArrayList<>();
        journey.path("transitions").forEach(t -> stages.add(t.path("to").asText()));
        return stages;
    }

    private static int current(JsonNode aggregate, String stage) {
        return figure(aggregate, stage, "current");
    }

    private static int entered(JsonNode aggregate, String stage) {
        return figure(aggregate, stage, "entered");
    }

    private static int figure(JsonNode aggregate, String stage, String field) {
        for (JsonNode s : aggregate.path("stages")) {
            if (s.path("id").asText().equals(stage)) {
                return s.path(field).asInt();
            }
        }
        throw new AssertionError("no stage " + stage + " in " + aggregate);
    }

    private PulseApplication start(String run) {
        PulseConfig config = TestPulse.replayingOnOwnBroker(stateDir, kafkaDir, "jrn-" + run);
        PulseApplication pulse =
                PulseApplication.start(config, PulseApplication.StartupProgress.SILENT);
        try {
            pulse.awaitRunning(Duration.ofSeconds(60));
            return pulse;
        } catch (RuntimeException e) {
            pulse.close();
            throw e;
        }
    }

    /**
     * NDJSON of both accounts' usage on the days {@code [from, to)}, oldest first. The new account
     * starts on {@code rampStart} with one person on one feature and adds a person every four days
     * and a feature every six, up to eight of its ten seats on five features. The old one has eight
     * people on five features every day through {@code lastActive}, then nothing.
     */
    private static String usage(
            String run,
            String ramp,
            String silent,
            LocalDate from,
            LocalDate to,
            LocalDate rampStart,
            LocalDate lastActive) {
        StringBuilder ndjson = new StringBuilder();
        for (LocalDate day = from; day.isBefore(to); day = day.plusDays(1)) {
            if (!day.isAfter(lastActive)) {
                day(ndjson, run, silent, day, 8, 5);
            }
            if (!day.isBefore(rampStart)) {
                int d = (int) (day.toEpochDay() - rampStart.toEpochDay());
                day(ndjson, run, ramp, day, Math.min(8, 1 + d / 4), Math.min(5, 1 + d / 6));
            }
        }
        return ndjson.toString();
    }

    private static void day(
            StringBuilder ndjson,
            String run,
            String tenant,
            LocalDate day,
            int users,
            int features) {
        Instant nine = day.atStartOfDay(ZoneOffset.UTC).toInstant().plus(Duration.ofHours(9));
        for (int u = 0; u < users; u++) {
            Instant at = nine.plus(Duration.ofMinutes(u));
            String id = run + "-" + tenant + "-" + day + "-u" + u;
            ndjson.append(PulseEndToEndIT.event(id + "-l", tenant, "u" + u, "login", null, at))
                    .append('\n');
            for (int f = 0; f < 2; f++) {
                String feature = FEATURES[(u + f) % features];
                ndjson.append(
                                PulseEndToEndIT.event(
                                        id + "-f" + f,
                                        tenant,
                                        "u" + u,
                                        "feature_used",
                                        feature,
                                        at.plus(Duration.ofMinutes(30 + f))))
                        .append('\n');
            }
        }
    }
}
