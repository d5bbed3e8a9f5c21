package dev.pulse.app.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.SplittableRandom;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class UsageEffectsTest {
    private static final LocalDate START = LocalDate.of(2026, 7, 1);
    private static final LocalDate CHURN = START.plusDays(40);

    @Test
    void aFadeFallsToItsEndLevelOnTheLastDayAndStopsOnTheChurnDate() {
        for (FadeShape shape : FadeShape.values()) {
            List<Double> steps = shape == FadeShape.STEPWISE ? List.of(0.3, 0.7) : List.of();
            Fade fade = new Fade(START, CHURN, shape, 0.25, steps);
            assertThat(fade.days()).isEqualTo(40);
            assertThat(fade.level(START.minusDays(1))).isEqualTo(1);
            assertThat(fade.on(START.minusDays(1))).isEqualTo(DayLevel.NORMAL);
            assertThat(fade.level(CHURN.minusDays(1)))
                    .as(shape.label())
                    .isCloseTo(0.25, Offset.offset(1e-9));
            assertThat(fade.on(CHURN)).isEqualTo(DayLevel.SILENT);
            assertThat(fade.on(CHURN.plusDays(30))).isEqualTo(DayLevel.SILENT);
            double previous = 1;
            for (LocalDate day = START; day.isBefore(CHURN); day = day.plusDays(1)) {
                assertThat(fade.level(day)).as(shape + " " + day).isLessThanOrEqualTo(previous);
                previous = fade.level(day);
            }
        }
    }

    @Test
    void fadeShapesDifferHalfWay() {
        LocalDate halfWay = START.plusDays(19);
        double linear = new Fade(START, CHURN, FadeShape.LINEAR, 0.2, List.of()).level(halfWay);
        double early = new Fade(START, CHURN, FadeShape.EARLY_DROP, 0.2, List.of()).level(halfWay);
        double late =
                new Fade(START, CHURN, FadeShape.LATE_COLLAPSE, 0.2, List.of()).level(halfWay);
        assertThat(linear).isCloseTo(0.6, Offset.offset(0.01));
        assertThat(early).isLessThan(linear - 0.1);
        assertThat(late).isGreaterThan(linear + 0.1);
        Fade stepwise = new Fade(START, CHURN, FadeShape.STEPWISE, 0.2, List.of(0.25, 0.5, 0.75));
        assertThat(stepwise.level(START.plusDays(3))).isEqualTo(1);
        assertThat(stepwise.level(START.plusDays(12))).isCloseTo(1 - 0.8 / 3, Offset.offset(1e-9));
        // A stepwise fade loses users; the ones left carry on as before.
        assertThat(stepwise.on(START.plusDays(12)).depth()).isEqualTo(1);
    }

    @Test
    void drawnFadesEndAtTenToFortyPercentAndStepwiseOnesHaveTwoToFourSteps() {
        SplittableRandom random = new SplittableRandom(3);
        for (int i = 0; i < 200; i++) {
            Fade fade = Fade.draw(random, START, CHURN);
            assertThat(fade.endLevel()).isBetween(0.1, 0.4);
            if (fade.shape() == FadeShape.STEPWISE) {
                assertThat(fade.steps()).hasSizeBetween(2, 4).isSorted();
            } else {
                assertThat(fade.steps()).isEmpty();
            }
        }
        assertThatThrownBy(() -> new Fade(CHURN, START, FadeShape.LINEAR, 0.2, List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void periodEndPeaksCoverTheLastDaysOfEachMonthOrQuarter() {
        PeriodEndPeak monthEnd = new PeriodEndPeak(1, 3, 2.5);
        assertThat(monthEnd.peaksOn(LocalDate.of(2026, 2, 26))).isTrue();
        assertThat(monthEnd.peaksOn(LocalDate.of(2026, 2, 25))).isFalse();
        assertThat(monthEnd.peaksOn(LocalDate.of(2026, 7, 31))).isTrue();
        assertThat(monthEnd.on(LocalDate.of(2026, 7, 29)).volume()).isEqualTo(2.5);
        assertThat(monthEnd.on(LocalDate.of(2026, 7, 28))).isEqualTo(DayLevel.NORMAL);
        PeriodEndPeak quarterEnd = new PeriodEndPeak(3, 21, 2);
        assertThat(quarterEnd.peaksOn(LocalDate.of(2026, 9, 10))).isTrue();
        assertThat(quarterEnd.peaksOn(LocalDate.of(2026, 9, 9))).isFalse();
        assertThat(quarterEnd.peaksOn(LocalDate.of(2026, 8, 30))).isFalse();
        assertThat(quarterEnd.peaksOn(LocalDate.of(2026, 12, 31))).isTrue();
        assertThat(quarterEnd.peaksOn(LocalDate.of(2027, 1, 2))).isFalse();
    }

    @Test
    void dailyNoiseKeepsTheUsualLevelOnAverageWithSomeQuietDays() {
        DailyNoise noise = new DailyNoise(42, 0.5, 0.2);
        double sum = 0;
        int quiet = 0;
        int days = 4000;
        for (int i = 0; i < days; i++) {
            double volume = noise.on(START.plusDays(i)).volume();
            sum += volume;
            quiet += volume == 0 ? 1 : 0;
        }
        assertThat(sum / days).isCloseTo(1, Offset.offset(0.05));
        assertThat(quiet / (double) days).isCloseTo(0.2, Offset.offset(0.03));
        assertThat(noise.on(START)).isEqualTo(new DailyNoise(42, 0.5, 0.2).on(START));
    }

    @Test
    void aRampUpIsSilentBeforeItsStartAndReachesNormalAfterItsDays() {
        RampUp rampUp = new RampUp(START, 28);
        assertThat(rampUp.on(START.minusDays(1))).isEqualTo(DayLevel.SILENT);
        assertThat(rampUp.on(START).users()).isLessThan(0.25);
        assertThat(rampUp.on(START.plusDays(27))).isEqualTo(DayLevel.NORMAL);
        assertThat(rampUp.on(START.plusDays(90))).isEqualTo(DayLevel.NORMAL);
    }

    @Test
    void growthAndDipsChangeOnlyTheirDays() {
        Growth growth = new Growth(START, START.plusDays(60), 1.3, 1.25);
        assertThat(growth.on(START).users()).isEqualTo(1);
        assertThat(growth.on(START.plusDays(30)).users()).isCloseTo(1.15, Offset.offset(1e-9));
        assertThat(growth.on(START.plusDays(100)).users()).isCloseTo(1.3, Offset.offset(1e-9));
        assertThat(growth.peakUsers()).isEqualTo(1.3);
        Dip dip = Dip.blip(new SplittableRandom(1), START);
        assertThat(dip.to()).isEqualTo(START.plusDays(6));
        assertThat(dip.factor()).isBetween(0.35, 0.6);
        assertThat(dip.on(START.plusDays(6)).volume()).isEqualTo(dip.factor());
        assertThat(dip.on(START.plusDays(7))).isEqualTo(DayLevel.NORMAL);
        assertThat(new Silence(START).on(START)).isEqualTo(DayLevel.SILENT);
    }

    @Test
    void labelsRoundTrip() {
        for (UsagePattern pattern : UsagePattern.values()) {
            assertThat(UsagePattern.fromLabel(pattern.label())).isEqualTo(pattern);
        }
        assertThat(UsagePattern.CYCLICAL_MONTH_END.label()).isEqualTo("cyclical-month-end");
        assertThat(FadeShape.LATE_COLLAPSE.label()).isEqualTo("late-collapse");
    }
}
