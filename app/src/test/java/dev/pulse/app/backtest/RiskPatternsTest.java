package dev.pulse.app.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pulse.topologies.alert.AlertRules;
import dev.pulse.topologies.health.HealthModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The shipped model on single patterns, each among a steady background portfolio: the traps that
 * must not raise an alarm, and fades of several lengths that must be flagged before churn.
 */
class RiskPatternsTest {
    private static final int DAYS = 182;
    private static final int WARMUP = 42;
    private static final LocalDate CHURN = SyntheticPortfolio.START.plusDays(170);

    static HealthModel shippedModel() {
        try {
            // -Dpulse.riskPatterns.model=FILE runs the traps against a candidate model instead.
            String candidate = System.getProperty("pulse.riskPatterns.model");
            Path model =
                    candidate == null
                            ? Path.of("..", "config", "health-model.yaml")
                            : Path.of(candidate);
            return HealthModel.fromYaml(Files.readString(model));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static ReplayResult replay(SyntheticPortfolio portfolio) {
        return new BacktestReplay(shippedModel(), AlertRules.none(), 1)
                .run(
                        portfolio.data,
                        portfolio.accounts,
                        SyntheticPortfolio.START,
                        portfolio.lastDay(),
                        day -> {});
    }

    private static SyntheticPortfolio background(Function<LocalDate, Double> everyone) {
        return new SyntheticPortfolio(DAYS).background(24, (i, d) -> everyone.apply(d));
    }

    /** Days after the warm-up on which the tenant entered at risk, with the sentence why. */
    private static List<String> entries(ReplayResult result, String tenant) {
        boolean[] atRisk = result.tenants().get(tenant).atRisk();
        List<String> entries = new ArrayList<>();
        for (int i = WARMUP; i < atRisk.length; i++) {
            if (atRisk[i] && !atRisk[i - 1]) {
                entries.add(result.day(i) + ": " + result.tenants().get(tenant).reasons()[i]);
            }
        }
        return entries;
    }

    private static int lead(ReplayResult result, String tenant) {
        return BacktestReport.lead(result.tenants().get(tenant).atRisk(), result.index(CHURN));
    }

    /** Every tenant's entries at risk, so that a failure says who was flagged, when and why. */
    private static Map<String, List<String>> flagged(ReplayResult result) {
        Map<String, List<String>> flagged = new TreeMap<>();
        for (String tenant : result.tenants().keySet()) {
            List<String> entries = entries(result, tenant);
            if (!entries.isEmpty()) {
                flagged.put(tenant, entries);
            }
        }
        return flagged;
    }

    @Test
    void aHolidayWeekWhenTheWholePortfolioIsQuietFlagsNobody() {
        LocalDate holiday = SyntheticPortfolio.START.plusDays(100);
        Function<LocalDate, Double> quietWeek =
                d -> !d.isBefore(holiday) && d.isBefore(holiday.plusDays(9)) ? 0.35 : 1.0;
        ReplayResult result = replay(background(quietWeek));

        assertThat(flagged(result)).isEmpty();
    }

    @Test
    void monthEndPeaksAreTheAccountsOwnCycle() {
        SyntheticPortfolio portfolio = background(d -> 1.0);
        portfolio.tenant(
                "month-end",
                30,
                0,
                d -> d.getDayOfMonth() > d.lengthOfMonth() - 4 ? 3.0 : 1.0,
                null);

        assertThat(entries(replay(portfolio), "month-end")).isEmpty();
    }

    @Test
    void quarterlyPeaksAreTheAccountsOwnCycle() {
        SyntheticPortfolio portfolio = background(d -> 1.0);
        portfolio.tenant(
                "quarterly",
                30,
                0,
                d -> {
                    LocalDate quarterEnd =
                            d.with(IsoFields.DAY_OF_QUARTER, 1).plusMonths(3).minusDays(1);
                    return d.isAfter(quarterEnd.minusDays(17)) ? 2.3 : 1.0;
                },
                null);

        assertThat(entries(replay(portfolio), "quarterly")).isEmpty();
    }

    @Test
    void aSingleSlowWeekIsABlipNotARisk() {
        LocalDate slow = SyntheticPortfolio.START.plusDays(90);
        SyntheticPortfolio portfolio = background(d -> 1.0);
        portfolio.tenant(
                "blip",
                30,
                0,
                d -> !d.isBefore(slow) && d.isBefore(slow.plusDays(7)) ? 0.4 : 1.0,
                null);

        assertThat(entries(replay(portfolio), "blip")).isEmpty();
    }

    @Test
    void aVerySmallAccountsNoiseIsNotARisk() {
        SyntheticPortfolio portfolio = background(d -> 1.0);
        for (int i = 0; i < 5; i++) {
            portfolio.tenant("small-" + i, 3, 0, d -> 1.0, null);
        }
        ReplayResult result = replay(portfolio);

        for (int i = 0; i < 5; i++) {
            assertThat(entries(result, "small-" + i)).as("small-" + i).isEmpty();
        }
    }

    @Test
    void aNewAccountRampingUpIsNotARisk() {
        SyntheticPortfolio portfolio = background(d -> 1.0);
        portfolio.tenant(
                "ramp-up",
                30,
                60,
                d ->
                        Math.min(
                                1.0,
                                0.15
                                        + (d.toEpochDay()
                                                        - SyntheticPortfolio.START
                                                                .plusDays(60)
                                                                .toEpochDay())
                                                / 35.0),
                null);

        assertThat(entries(replay(portfolio), "ramp-up")).isEmpty();
    }

    @Test
    void fadesOfSeveralLengthsAreAtRiskWeeksBeforeTheCustomerLeaves() {
        SyntheticPortfolio portfolio = background(d -> 1.0);
        int[] lengths = {28, 42, 56, 70};
        for (int length : lengths) {
            LocalDate fadeStart = CHURN.minusDays(length);
            portfolio.tenant(
                    "fade-" + length,
                    30,
                    0,
                    d -> {
                        long into = d.toEpochDay() - fadeStart.toEpochDay();
                        return into <= 0 ? 1.0 : 1.0 - 0.8 * into / (double) length;
                    },
                    CHURN);
        }
        ReplayResult result = replay(portfolio);

        assertThat(lead(result, "fade-28")).isGreaterThanOrEqualTo(7);
        assertThat(lead(result, "fade-42")).isGreaterThanOrEqualTo(14);
        assertThat(lead(result, "fade-56")).isGreaterThanOrEqualTo(14);
        assertThat(lead(result, "fade-70")).isGreaterThanOrEqualTo(21);
        assertThat(flagged(result).keySet())
                .containsExactlyInAnyOrder("fade-28", "fade-42", "fade-56", "fade-70");
    }
}
