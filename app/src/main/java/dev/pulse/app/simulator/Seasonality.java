package dev.pulse.app.simulator;

import java.time.DayOfWeek;
import java.time.LocalDate;

/**
 * When in the week and the day people work: weekends carry a quarter of a weekday's volume, and a
 * UTC working-hours curve spreads a day's volume over its hours.
 */
final class Seasonality {
    /** Weekend volume as a share of weekday volume. */
    static final double WEEKEND_FACTOR = 0.25;

    /** Mean of the day factor over a week, to turn a monthly rate into a per-weekday one. */
    static final double MEAN_DAY_FACTOR = (5 + 2 * WEEKEND_FACTOR) / 7;

    private static final double[] HOUR_SHAPE = {
        0.20, 0.18, 0.17, 0.17, 0.18, 0.22, 0.35, 0.60, 0.90, 1.00, 1.00, 0.95,
        0.80, 0.90, 1.00, 1.00, 0.90, 0.70, 0.50, 0.40, 0.35, 0.30, 0.25, 0.22
    };
    private static final double[] HOUR_SHARE = normalise(HOUR_SHAPE);

    private Seasonality() {}

    /** 1 on weekdays, {@link #WEEKEND_FACTOR} on Saturdays and Sundays. */
    static double dayFactor(LocalDate day) {
        DayOfWeek weekday = day.getDayOfWeek();
        return weekday == DayOfWeek.SATURDAY || weekday == DayOfWeek.SUNDAY ? WEEKEND_FACTOR : 1;
    }

    /** Share of a day's volume that falls in the given UTC hour; the 24 shares sum to 1. */
    static double hourShare(int hourOfDay) {
        return HOUR_SHARE[hourOfDay];
    }

    private static double[] normalise(double[] shape) {
        double sum = 0;
        for (double value : shape) {
            sum += value;
        }
        double[] share = new double[shape.length];
        for (int i = 0; i < shape.length; i++) {
            share[i] = shape[i] / sum;
        }
        return share;
    }
}
