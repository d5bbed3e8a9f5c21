package dev.pulse.app.portfolio;

import dev.pulse.app.simulator.DailyNoise;
import dev.pulse.app.simulator.Dip;
import dev.pulse.app.simulator.Fade;
import dev.pulse.app.simulator.Growth;
import dev.pulse.app.simulator.PeriodEndPeak;
import dev.pulse.app.simulator.RampUp;
import dev.pulse.app.simulator.UsageEffect;
import dev.pulse.app.simulator.UsagePattern;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Places each account's story and the portfolio's holidays inside the history: when a churner's
 * fade starts and how long it takes, when a blip happens, when a new account starts, over which
 * weeks an expanding one grows. Every dated story leaves the first {@link
 * PortfolioScenario#BASELINE_DAYS} days as a baseline, except the start of a new account.
 */
final class PortfolioStories {
    /** A new account's first day falls within this many days of the history's start. */
    static final int LATEST_START = 60;

    /** Holidays begin after four weeks of history. */
    static final int FIRST_HOLIDAY_DAY = 28;

    private final RandomGenerator random;
    private final PortfolioScenario scenario;
    private final LocalDate firstDay;

    PortfolioStories(RandomGenerator random, PortfolioScenario scenario) {
        this.random = random;
        this.scenario = scenario;
        this.firstDay = scenario.firstDay();
    }

    /** The dated effects of one account of this pattern. */
    List<UsageEffect> story(UsagePattern pattern) {
        int days = scenario.days();
        return switch (pattern) {
            case FADE -> List.of(fade());
            case EXPANDING -> {
                LocalDate from = day(random.nextInt(0, Math.max(1, days / 3)));
                LocalDate to = day(days - 1 - random.nextInt(0, 15));
                yield List.of(Growth.draw(random, from, to));
            }
            case CYCLICAL_MONTH_END -> List.of(PeriodEndPeak.monthEnd(random));
            case CYCLICAL_QUARTERLY -> List.of(PeriodEndPeak.quarterEnd(random));
            case BLIP ->
                    List.of(
                            Dip.blip(
                                    random,
                                    day(
                                            random.nextInt(
                                                    PortfolioScenario.BASELINE_DAYS, days - 6))));
            case SMALL -> List.of(DailyNoise.draw(random));
            case RAMP_UP ->
                    List.of(
                            RampUp.draw(
                                    random,
                                    day(random.nextInt(0, Math.min(LATEST_START, days - 14) + 1))));
            case STEADY, LUKEWARM, SUPPORT_HEAVY -> List.of();
            case IDLE -> throw new IllegalArgumentException("idle is the demo's story only");
        };
    }

    /**
     * A fade of min–max days (shortened to what the history holds) that starts after the baseline
     * and ends, with the churn, on or before the last day.
     */
    private Fade fade() {
        int longest =
                Math.min(
                        scenario.fadeMaxDays(),
                        scenario.days() - 1 - PortfolioScenario.BASELINE_DAYS);
        int length = random.nextInt(scenario.fadeMinDays(), longest + 1);
        int churn = random.nextInt(PortfolioScenario.BASELINE_DAYS + length, scenario.days());
        return Fade.draw(random, day(churn - length), day(churn));
    }

    /**
     * The portfolio's holiday periods: 5–10 days each at 30–60% of normal usage, one in each equal
     * part of the history after its first four weeks, so that they never overlap.
     */
    List<HolidayPeriod> holidays() {
        List<HolidayPeriod> holidays = new ArrayList<>();
        int count = scenario.holidayPeriods();
        if (count == 0) {
            return holidays;
        }
        int part = (scenario.days() - FIRST_HOLIDAY_DAY) / count;
        for (int i = 0; i < count; i++) {
            int length = random.nextInt(5, Math.min(10, part) + 1);
            int start = FIRST_HOLIDAY_DAY + i * part + random.nextInt(0, part - length + 1);
            holidays.add(
                    new HolidayPeriod(
                            day(start), day(start + length - 1), random.nextDouble(0.3, 0.6)));
        }
        return holidays;
    }

    private LocalDate day(int index) {
        return firstDay.plusDays(index);
    }
}
