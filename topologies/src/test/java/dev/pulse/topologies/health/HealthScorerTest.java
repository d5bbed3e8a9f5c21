package dev.pulse.topologies.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pulse.topologies.account.Account;
import dev.pulse.topologies.engagement.DailyHistory;
import dev.pulse.topologies.engagement.EngagementBucket;
import dev.pulse.topologies.event.UsageEvent;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class HealthScorerTest {
    private static final HealthModel MODEL = HealthModel.fromYaml(resource("/health-model.yaml"));
    private static final Instant AS_OF = Instant.parse("2026-11-20T18:00:00Z");

    @Test
    void interpolatesBetweenThresholdPointsAndClampsOutside() {
        ThresholdCurve curve =
                new ThresholdCurve(
                        List.of(List.of(0.0, 0.0), List.of(0.5, 60.0), List.of(1.0, 100.0)));
        assertThat(curve.pointsFor(-1)).isEqualTo(0);
        assertThat(curve.pointsFor(0.25)).isEqualTo(30);
        assertThat(curve.pointsFor(0.75)).isEqualTo(80);
        assertThat(curve.pointsFor(5)).isEqualTo(100);
    }

    @Test
    void bandsFollowTheModelThresholds() {
        assertThat(MODEL.bandOf(70)).isEqualTo(Band.HEALTHY);
        assertThat(MODEL.bandOf(69.9)).isEqualTo(Band.NEUTRAL);
        assertThat(MODEL.bandOf(40)).isEqualTo(Band.NEUTRAL);
        assertThat(MODEL.bandOf(39.9)).isEqualTo(Band.AT_RISK);
    }

    @Test
    void contributionsAddUpToTheScoreAndMissingMeasuresAreLeftOutWithAReason() {
        Map<LocalDate, EngagementBucket> days = new HashMap<>();
        for (int d = 0; d < 14; d++) {
            EngagementBucket day = new EngagementBucket();
            for (int u = 0; u < 8; u++) {
                day.add(event("u" + u, "feature_used", "reports"));
            }
            days.put(LocalDate.parse("2026-11-20").minusDays(d), day);
        }
        HealthScore score =
                new HealthScorer(MODEL).score("acme", new DailyHistory(days, AS_OF), account(10L));

        double sum = score.contributions().stream().mapToDouble(Contribution::contribution).sum();
        assertThat(sum).isCloseTo(score.score(), org.assertj.core.data.Offset.offset(0.5));
        Contribution sentiment =
                score.contributions().stream()
                        .filter(c -> c.measure().equals("sentiment"))
                        .findFirst()
                        .orElseThrow();
        assertThat(sentiment.points()).isNull();
        assertThat(sentiment.explanation()).contains("no data");
        assertThat(score.contributions().get(0).explanation())
                .isEqualTo("8 of 10 licensed seats active in the last 14 days (80%)");
        assertThat(score.topReason()).startsWith("Breadth: 1 of 6 core features");
    }

    @Test
    void rejectsAModelWithAClearMessage() {
        assertThatThrownBy(
                        () ->
                                HealthModel.fromYaml(
                                        "version: x\n"
                                                + "bands: {healthy: 40, atRisk: 70}\n"
                                                + "measures: []"))
                .hasMessageContaining("atRisk < healthy");
        assertThatThrownBy(
                        () ->
                                HealthModel.fromYaml(
                                        "version: x\n"
                                                + "bands: {healthy: 70, atRisk: 40}\n"
                                                + "measures:\n"
                                                + "  - {id: vibes, weight: 1, window: 7, points:"
                                                + " [[0,0],[1,100]]}"))
                .hasMessageContaining("measure 'vibes'")
                .hasMessageContaining("unknown measure kind");
    }

    @Property(tries = 200)
    void scoreIsAlwaysWithinZeroAndHundred(
            @ForAll @Size(max = 40) List<@IntRange(min = 0, max = 300) Integer> dailyUsers,
            @ForAll @IntRange(min = 0, max = 500) int seats,
            @ForAll @IntRange(min = 0, max = 10) int nps) {
        Map<LocalDate, EngagementBucket> days = new HashMap<>();
        for (int d = 0; d < dailyUsers.size(); d++) {
            EngagementBucket day = new EngagementBucket();
            for (int u = 0; u < dailyUsers.get(d); u++) {
                day.add(event("u" + u, u % 7 == 0 ? "ticket_opened" : "api_call", null));
            }
            if (d % 5 == 0) {
                day.add(
                        new UsageEvent(
                                "n",
                                "acme",
                                "x",
                                "nps_response",
                                null,
                                AS_OF,
                                dev.pulse.topologies.json.PulseJson.mapper()
                                        .createObjectNode()
                                        .put("score", nps)));
            }
            days.put(LocalDate.parse("2026-11-20").minusDays(d), day);
        }
        HealthScore score =
                new HealthScorer(MODEL)
                        .score("acme", new DailyHistory(days, AS_OF), account((long) seats));
        assertThat(score.score()).isBetween(0.0, 100.0);
        assertThat(score.band()).isEqualTo(MODEL.bandOf(score.score()));
    }

    private static UsageEvent event(String user, String type, String feature) {
        return new UsageEvent("e", "acme", user, type, feature, AS_OF, null);
    }

    private static Account account(Long seats) {
        return new Account(
                "acme", "Acme", "sarah@example.com", null, null, seats, null, null, null);
    }

    private static String resource(String name) {
        try (InputStream in = HealthScorerTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
