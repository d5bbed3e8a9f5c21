package dev.pulse.app.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pulse.topologies.health.HealthModel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The shipped model on single patterns ({@link RiskPatterns}), each among a steady background
 * portfolio: the traps that must not raise an alarm, and fades of several lengths that must be
 * flagged before churn. A failure names who was flagged, when and why.
 */
class RiskPatternsTest {
    private static final RiskPatterns PATTERNS = new RiskPatterns(shippedModel());

    static HealthModel shippedModel() {
        try {
            // -Dpulse.riskPatterns.model=FILE runs the traps against a candidate model instead
            // (pulse backtest --traps --model FILE does the same from the jar).
            String candidate = System.getProperty("pulse.riskPatterns.model");
            Path model =
                    candidate == null
                            ? Path.of("..", "config", "health-model.yaml")
                            : Path.of(candidate);
            return HealthModel.fromYaml(Files.readString(model));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void holds(RiskPatterns.Trap trap) {
        assertThat(trap.passed())
                .as("%s: expected %s; flagged: %s", trap.pattern(), trap.expected(), trap.flagged())
                .isTrue();
    }

    @Test
    void aHolidayWeekWhenTheWholePortfolioIsQuietFlagsNobody() {
        holds(PATTERNS.holidayWeek());
    }

    @Test
    void monthEndPeaksAreTheAccountsOwnCycle() {
        holds(PATTERNS.monthEndPeaks());
    }

    @Test
    void quarterlyPeaksAreTheAccountsOwnCycle() {
        holds(PATTERNS.quarterlyPeaks());
    }

    @Test
    void aQuarterlyAccountYoungerThanAQuarterIsBetweenItsPeaksNotDeclining() {
        holds(PATTERNS.youngQuarterly());
    }

    @Test
    void aSingleSlowWeekIsABlipNotARisk() {
        holds(PATTERNS.slowWeek());
    }

    @Test
    void aVerySmallAccountsNoiseIsNotARisk() {
        holds(PATTERNS.smallAccounts());
    }

    @Test
    void aNewAccountRampingUpIsNotARisk() {
        holds(PATTERNS.rampUp());
    }

    @Test
    void fadesOfSeveralLengthsAreAtRiskWeeksBeforeTheCustomerLeaves() {
        RiskPatterns.Trap fades = PATTERNS.fades();

        holds(fades);
        assertThat(fades.flagged()).containsOnlyKeys("fade-28", "fade-42", "fade-56", "fade-70");
    }
}
