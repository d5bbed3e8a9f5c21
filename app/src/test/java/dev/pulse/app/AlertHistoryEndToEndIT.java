package dev.pulse.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pulse.app.backtest.BacktestInput;
import dev.pulse.app.backtest.BacktestReplay;
import dev.pulse.app.backtest.DailyEngagement;
import dev.pulse.app.backtest.ReplayResult;
import dev.pulse.app.backtest.StoredEngagementReader;
import dev.pulse.app.config.PulseConfig;
import dev.pulse.topologies.event.UsageEventParser;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A replayed history over the whole running program: nine weeks of an account's usage, the last
 * three of them collapsed, sent oldest first. As stream time closes each day, the at-risk decision
 * turns, the at-risk rule fires on that closed day, and the alert history and the daily {@code
 * at_risk} series both show it, dated to the day rather than to when Pulse processed it.
 *
 * <p>This test runs its own embedded broker rather than {@code SharedKafkaBroker}: days close by
 * stream time, and on the shared broker earlier tests' events of today have already moved every
 * partition's stream time to now, so nothing old could close a day (and short grace would drop the
 * replay as late).
 */
class AlertHistoryEndToEndIT {
    private static final String SARAH = "sarah.chen@demo.pulse.dev";
    private static final String DAVID = "david.okafor@demo.pulse.dev";
    private static final int HISTORY_DAYS = 63;
    private static final int COLLAPSED_DAYS = 21;
    private static final String[] FEATURES = {
        "reports", "dashboards", "alerts", "integrations", "exports", "automations"
    };

    @TempDir Path stateDir;
    @TempDir Path kafkaDir;

    @Test
    void aReplayedCollapseFiresAtRiskOnTheDayItTurnedAndBothHistoriesShowThatDay() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String fading = "hist-" + run + "-fading";
        String davids = "hist-" + run + "-davids";
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        LocalDate firstDay = today.minusDays(HISTORY_DAYS);
        // Stream time ends on yesterday's events: the day before yesterday is the last to close.
        LocalDate yesterday = today.minusDays(1);
        LocalDate lastClosed = today.minusDays(2);

        try (PulseApplication pulse = start(run)) {
            PulseHttp admin = new PulseHttp(pulse.apiPort());
            admin.addAccounts(
                    fading + ",Fading," + SARAH + ",10\n" + davids + ",His," + DAVID + ",5\n");
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> admin.get("/v1/accounts/" + fading).status() == 200);
            for (LocalDate week = firstDay; week.isBefore(today); week = week.plusDays(7)) {
                PulseHttp.Response sent =
                        admin.post(
                                "/v1/events",
                                "application/x-ndjson",
                                usage(run, fading, week, min(week.plusDays(7), today)));
                assertThat(sent.status()).as(sent.body()).isEqualTo(200);
            }

            PulseHttp sarah = admin.as(SARAH);
            String series =
                    "/v1/accounts/" + fading + "/timeseries?metric=at_risk&from=" + firstDay;
            JsonNode points =
                    await().atMost(Duration.ofSeconds(120))
                            .until(
                                    () -> sarah.get(series).json().path("points"),
                                    p -> hasPointFor(p, lastClosed));

            List<LocalDate> atRiskDays = new ArrayList<>();
            for (JsonNode point : points) {
                assertThat(point.path("value").asInt()).as(point.toString()).isIn(0, 1);
                if (point.path("value").asInt() == 1) {
                    atRiskDays.add(dayOf(point));
                }
            }
            assertThat(dayOf(points.get(0))).isEqualTo(firstDay);
            assertThat(atRiskDays).as("at risk after the collapse, not before").isNotEmpty();
            LocalDate turned = atRiskDays.get(0);
            assertThat(turned).isAfter(today.minusDays(COLLAPSED_DAYS)).isBefore(yesterday);
            List<LocalDate> sinceThen = new ArrayList<>(turned.datesUntil(yesterday).toList());
            sinceThen.add(today);
            assertThat(atRiskDays)
                    .as("at risk on every closed day since, and now")
                    .containsExactlyElementsOf(sinceThen);

            JsonNode history = sarah.get("/v1/alerts/history?tenant=" + fading).json();
            assertThat(history.path("count").asInt()).as(history.toString()).isEqualTo(1);
            JsonNode fired = history.path("transitions").get(0);
            Instant endOfTurningDay = turned.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
            assertThat(fired.path("id").asText()).isEqualTo(fading + "/at-risk");
            assertThat(fired.path("kind").asText()).isEqualTo("at_risk");
            assertThat(fired.path("state").asText()).isEqualTo("firing");
            assertThat(fired.path("at").asText())
                    .as("dated to the end of the day the decision turned")
                    .isEqualTo(endOfTurningDay.toString());
            assertThat(fired.path("firedAt").asText()).isEqualTo(endOfTurningDay.toString());
            assertThat(fired.path("replayed").asBoolean()).isTrue();
            assertThat(fired.path("explanation").asText()).startsWith("Fading: ");

            assertThat(sarah.get("/v1/alerts/history?tenant=" + davids).status())
                    .as("another owner's account")
                    .isEqualTo(403);
            PulseHttp.Response badFrom =
                    sarah.get("/v1/alerts/history?tenant=" + fading + "&from=last-week");
            assertThat(badFrom.status()).isEqualTo(400);
            assertThat(badFrom.json().path("parameter").asText()).isEqualTo("from");

            // The deployment's stored daily history, read back from Kafka without the raw events,
            // is the history the events make: the backtest says the same on either.
            DailyEngagement fromEvents = new DailyEngagement();
            for (LocalDate week = firstDay; week.isBefore(today); week = week.plusDays(7)) {
                for (String line :
                        usage(run, fading, week, min(week.plusDays(7), today)).split("\n")) {
                    fromEvents.add(
                            UsageEventParser.parse(
                                    line.getBytes(StandardCharsets.UTF_8), Instant.now()));
                }
            }
            StoredEngagementReader reader =
                    new StoredEngagementReader(pulse.kafka(), "hist-" + run);
            BacktestInput stored =
                    await().atMost(Duration.ofSeconds(30))
                            .until(
                                    () -> reader.read(n -> {}),
                                    in -> in.engagement().events() == fromEvents.events());
            assertThat(stored.accounts()).containsKeys(fading, davids);
            BacktestReplay replay =
                    new BacktestReplay(
                            PulseApplication.loadModel("../config/health-model.yaml"),
                            PulseApplication.loadAlertRules("../config/alert-rules.yaml"),
                            6);
            ReplayResult fromKafka =
                    replay.run(
                            stored.engagement(), stored.accounts(), firstDay, lastClosed, d -> {});
            ReplayResult fromFiles =
                    replay.run(fromEvents, stored.accounts(), firstDay, lastClosed, d -> {});
            assertThat(fromKafka.tenants().get(fading).score())
                    .containsExactly(fromFiles.tenants().get(fading).score());
            assertThat(fromKafka.tenants().get(fading).atRisk())
                    .containsExactly(fromFiles.tenants().get(fading).atRisk());
            assertThat(fromKafka.tenants().get(fading).atRisk()[fromKafka.index(lastClosed)])
                    .as("and the backtest saw what the deployment decided")
                    .isTrue();
        }
    }

    private PulseApplication start(String run) {
        // The shipped grace: the replay is sent in order, and no other test shares the broker.
        PulseConfig config =
                TestPulse.replayingOnOwnBroker(stateDir, kafkaDir, "hist-" + run)
                        .withAlertRules(
                                E2eScenarios.rulesFile(stateDir, E2eScenarios.AT_RISK_RULE));
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
     * NDJSON of the account's usage on the days {@code [from, to)}, oldest first: eight of its ten
     * seats logging in and using two core features every day, then, for the last {@value
     * #COLLAPSED_DAYS} days, one person logging in once.
     */
    private static String usage(String run, String tenant, LocalDate from, LocalDate to) {
        LocalDate collapse = LocalDate.now(ZoneOffset.UTC).minusDays(COLLAPSED_DAYS);
        StringBuilder ndjson = new StringBuilder();
        for (LocalDate day = from; day.isBefore(to); day = day.plusDays(1)) {
            Instant nine = day.atStartOfDay(ZoneOffset.UTC).toInstant().plus(Duration.ofHours(9));
            int users = day.isBefore(collapse) ? 8 : 1;
            for (int u = 0; u < users; u++) {
                Instant at = nine.plus(Duration.ofMinutes(u));
                String id = run + "-" + day + "-u" + u;
                ndjson.append(PulseEndToEndIT.event(id + "-l", tenant, "u" + u, "login", null, at))
                        .append('\n');
                if (day.isBefore(collapse)) {
                    for (int f = 0; f < 2; f++) {
                        String feature = FEATURES[(u + 2 * f + day.getDayOfYear()) % 6];
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
        return ndjson.toString();
    }

    private static boolean hasPointFor(JsonNode points, LocalDate day) {
        for (JsonNode point : points) {
            if (dayOf(point).equals(day)) {
                return true;
            }
        }
        return false;
    }

    private static LocalDate dayOf(JsonNode point) {
        return LocalDate.ofInstant(Instant.parse(point.path("t").asText()), ZoneOffset.UTC);
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }
}
