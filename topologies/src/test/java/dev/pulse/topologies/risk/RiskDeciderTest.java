package dev.pulse.topologies.risk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pulse.topologies.health.HealthModel;
import dev.pulse.topologies.health.HealthScore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The at-risk decision on hand-made weekly totals, one rule at a time. */
class RiskDeciderTest {
    private static final LocalDate DAY = LocalDate.of(2026, 8, 20);

    /** Five ordinary weeks of 1,000 key actions and, oldest, a quarter-end week at 1,350. */
    private static final double[] PEAK_IN_THE_BASELINE = {1000, 1000, 1000, 1000, 1000, 1350};

    @Test
    void aLastWeekInLineWithTheOrdinaryBaselineWeeksIsBetweenPeaksNotADecline() {
        // 880 is 17 % below the baseline's mean (1,058), 12 % below its ordinary weeks.
        assertThat(decide(model("1.3"), 880, PEAK_IN_THE_BASELINE).declining()).isFalse();
        // Without the rule the lifted normal makes it a decline, larger than chance.
        assertThat(decide(model("0"), 880, PEAK_IN_THE_BASELINE).declining()).isTrue();
    }

    @Test
    void aFadeBelowTheOrdinaryWeeksIsADeclineWhateverPeakCameBefore() {
        RiskAssessment fading = decide(model("1.3"), 780, PEAK_IN_THE_BASELINE);

        assertThat(fading.declining()).isTrue();
        assertThat(fading.reason()).startsWith("key actions down 26% against their usual 6 weeks");
    }

    @Test
    void withoutAPeakTheOrdinaryRuleDecides() {
        double[] flat = new double[6];
        Arrays.fill(flat, 1058);

        assertThat(decide(model("1.3"), 880, flat).declining()).isTrue();
    }

    @Test
    void refusesAPeakRatioThatWouldCallEveryWeekAPeak() {
        assertThat(
                        org.assertj.core.api.Assertions.catchThrowable(
                                () -> model("1.05").riskModel().validate()))
                .hasMessageContaining("'peakRatio' must be between 1.1 and 10, got 1.05");
    }

    private static RiskAssessment decide(HealthModel model, double week, double[] baseline) {
        double[] latestBaseline = Arrays.stream(baseline).map(b -> b * 3 / 7).toArray();
        RiskReading.Weeks weeks =
                new RiskReading.Weeks(
                        week,
                        week,
                        baseline,
                        new double[] {Double.NaN, Double.NaN},
                        week * 3 / 7,
                        latestBaseline);
        RiskDecider.TenantDay tenant =
                new RiskDecider.TenantDay(
                        "acme",
                        "Acme",
                        new RiskReading(Map.of(RiskMetric.KEY_ACTIONS, weeks)),
                        score(model),
                        List.of());
        return new RiskDecider(model).decide(DAY, List.of(tenant)).get("acme");
    }

    private static HealthScore score(HealthModel model) {
        return new HealthScore(
                "acme",
                80,
                model.bandOf(80),
                model.version(),
                DAY.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant(),
                null,
                null,
                List.of(),
                null,
                DAY.minusDays(120).atStartOfDay(ZoneOffset.UTC).toInstant(),
                DAY.atStartOfDay(ZoneOffset.UTC).toInstant(),
                null);
    }

    /** The shipped model with {@code peakRatio} set. */
    private static HealthModel model(String peakRatio) {
        try {
            String shipped = Files.readString(Path.of("..", "config", "health-model.yaml"));
            assertThat(shipped).contains("  peakRatio: 1.3 ");
            return HealthModel.fromYaml(
                    shipped.replace("  peakRatio: 1.3 ", "  peakRatio: " + peakRatio + " "));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
