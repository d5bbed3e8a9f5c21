package dev.pulse.app.simulator;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.random.RandomGenerator;

/**
 * Growth from {@code from} to {@code to}: engaged users rise steadily to {@code endUsers} times
 * their number at the start and use the product more deeply; after {@code to} they stay there.
 */
public record Growth(LocalDate from, LocalDate to, double endUsers, double endDepth)
        implements UsageEffect {

    public Growth {
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException(
                    "growth must end after it starts: " + from + " / " + to);
        }
    }

    /**
     * Growth between these dates by 25–35% more users: a tenant that starts at 80–88% of its seats
     * ends with more users than seats.
     */
    public static Growth draw(RandomGenerator random, LocalDate from, LocalDate to) {
        return new Growth(from, to, random.nextDouble(1.25, 1.35), 1.25);
    }

    @Override
    public DayLevel on(LocalDate day) {
        double progress =
                ChronoUnit.DAYS.between(from, day) / (double) ChronoUnit.DAYS.between(from, to);
        progress = Math.max(0, Math.min(1, progress));
        return new DayLevel(1 + (endUsers - 1) * progress, 1 + (endDepth - 1) * progress, 1, 1, 1);
    }

    @Override
    public double peakUsers() {
        return Math.max(1, endUsers);
    }
}
