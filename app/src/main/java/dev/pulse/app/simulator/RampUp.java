package dev.pulse.app.simulator;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.random.RandomGenerator;

/**
 * A new account: nothing before {@code start}, then over {@code days} days onboarding brings its
 * users in (from a fifth of them) and they learn to do more (from half the depth).
 */
public record RampUp(LocalDate start, int days) implements UsageEffect {

    public RampUp {
        if (days < 1) {
            throw new IllegalArgumentException("a ramp-up takes at least a day, got " + days);
        }
    }

    /** A ramp-up from {@code start} over 3–6 weeks. */
    public static RampUp draw(RandomGenerator random, LocalDate start) {
        return new RampUp(start, random.nextInt(21, 43));
    }

    @Override
    public DayLevel on(LocalDate day) {
        if (day.isBefore(start)) {
            return DayLevel.SILENT;
        }
        double progress = Math.min(1, (ChronoUnit.DAYS.between(start, day) + 1) / (double) days);
        return new DayLevel(0.2 + 0.8 * progress, 0.5 + 0.5 * progress, 1, 1, 1);
    }
}
