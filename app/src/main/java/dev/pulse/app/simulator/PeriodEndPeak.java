package dev.pulse.app.simulator;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.random.RandomGenerator;

/**
 * A busy end of every calendar period (month-end closing, quarter-end reporting): the last {@code
 * days} days of each period carry {@code factor} times the usual traffic.
 *
 * @param months the period's length: 1 for months, 3 for calendar quarters
 */
public record PeriodEndPeak(int months, int days, double factor) implements UsageEffect {

    public PeriodEndPeak {
        if (months != 1 && months != 3) {
            throw new IllegalArgumentException("months must be 1 or 3, got " + months);
        }
        if (days < 1 || days > 28 * months) {
            throw new IllegalArgumentException("days out of range: " + days);
        }
    }

    /** The last 3–4 days of each month at 2–4 times the usual usage. */
    public static PeriodEndPeak monthEnd(RandomGenerator random) {
        return new PeriodEndPeak(1, random.nextInt(3, 5), random.nextDouble(2, 4));
    }

    /** The last 2–3 weeks of each calendar quarter at 1.8–2.5 times the usual usage. */
    public static PeriodEndPeak quarterEnd(RandomGenerator random) {
        return new PeriodEndPeak(3, random.nextInt(14, 22), random.nextDouble(1.8, 2.5));
    }

    /** True on the last {@code days} days of a period. */
    public boolean peaksOn(LocalDate day) {
        int lastMonth = ((day.getMonthValue() - 1) / months + 1) * months;
        LocalDate periodEnd = YearMonth.of(day.getYear(), lastMonth).atEndOfMonth();
        return ChronoUnit.DAYS.between(day, periodEnd) < days;
    }

    @Override
    public DayLevel on(LocalDate day) {
        return peaksOn(day) ? DayLevel.ofVolume(factor) : DayLevel.NORMAL;
    }
}
