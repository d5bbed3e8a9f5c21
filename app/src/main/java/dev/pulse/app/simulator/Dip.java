package dev.pulse.app.simulator;

import java.time.LocalDate;
import java.util.random.RandomGenerator;

/**
 * Less traffic on the days from {@code from} to {@code to}, both inclusive: a one-week blip of one
 * account, or a holiday of the whole portfolio.
 *
 * @param factor the traffic left, relative to normal
 */
public record Dip(LocalDate from, LocalDate to, double factor) implements UsageEffect {

    public Dip {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException(
                    "a dip must end after it starts: " + from + " / " + to);
        }
        if (!(factor >= 0)) {
            throw new IllegalArgumentException("factor must be zero or more, got " + factor);
        }
    }

    /** One week from {@code start} at 35–60% of normal. */
    public static Dip blip(RandomGenerator random, LocalDate start) {
        return new Dip(start, start.plusDays(6), random.nextDouble(0.35, 0.6));
    }

    /** True on the days of the dip. */
    public boolean covers(LocalDate day) {
        return !day.isBefore(from) && !day.isAfter(to);
    }

    @Override
    public DayLevel on(LocalDate day) {
        return covers(day) ? DayLevel.ofVolume(factor) : DayLevel.NORMAL;
    }
}
