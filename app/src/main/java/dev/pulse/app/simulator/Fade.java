package dev.pulse.app.simulator;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * A churner's fade: from {@code start} usage falls along {@code shape} to {@code endLevel} of
 * normal on the last day before {@code churnedAt}; from {@code churnedAt} on nothing at all
 * happens. In a smooth fade users drop out, the team shows up on fewer days and those who stay do
 * less; in a stepwise one whole teams leave at the steps and the rest carry on as before. Support
 * tickets pile up as usage goes.
 *
 * @param endLevel usage left at the end, relative to normal (0.1–0.4 when drawn)
 * @param steps where a {@link FadeShape#STEPWISE} fade steps down, as sorted fractions of the fade;
 *     empty for the other shapes
 */
public record Fade(
        LocalDate start, LocalDate churnedAt, FadeShape shape, double endLevel, List<Double> steps)
        implements UsageEffect {

    public Fade {
        Objects.requireNonNull(shape, "shape");
        if (!start.isBefore(churnedAt)) {
            throw new IllegalArgumentException(
                    "a fade must start before the churn date: " + start + " / " + churnedAt);
        }
        if (!(endLevel > 0 && endLevel < 1)) {
            throw new IllegalArgumentException("endLevel must be in (0, 1), got " + endLevel);
        }
        steps = List.copyOf(steps);
        if ((shape == FadeShape.STEPWISE) == steps.isEmpty()) {
            throw new IllegalArgumentException("steps are for stepwise fades, and only for them");
        }
    }

    /**
     * A fade between these dates with a random shape, ending at 10–40% of normal usage; stepwise
     * fades get 2–4 steps.
     */
    public static Fade draw(RandomGenerator random, LocalDate start, LocalDate churnedAt) {
        FadeShape[] shapes = FadeShape.values();
        FadeShape shape = shapes[random.nextInt(shapes.length)];
        double endLevel = random.nextDouble(0.1, 0.4);
        List<Double> steps = new ArrayList<>();
        if (shape == FadeShape.STEPWISE) {
            int count = random.nextInt(2, 5);
            for (int i = 0; i < count; i++) {
                steps.add(random.nextDouble(0.05, 0.95));
            }
            Collections.sort(steps);
        }
        return new Fade(start, churnedAt, shape, endLevel, steps);
    }

    /** Days from the start of the fade to the churn date. */
    public int days() {
        return (int) ChronoUnit.DAYS.between(start, churnedAt);
    }

    /** Usage on a day relative to normal: 1 before the fade, 0 from the churn date on. */
    public double level(LocalDate day) {
        if (day.isBefore(start)) {
            return 1;
        }
        if (!day.isBefore(churnedAt)) {
            return 0;
        }
        // Counted so that the last day before the churn date is the end of the fade.
        double progress = (ChronoUnit.DAYS.between(start, day) + 1) / (double) days();
        return 1 - (1 - endLevel) * shape.drop(progress, steps);
    }

    @Override
    public DayLevel on(LocalDate day) {
        if (day.isBefore(start)) {
            return DayLevel.NORMAL;
        }
        if (!day.isBefore(churnedAt)) {
            return DayLevel.SILENT;
        }
        double level = level(day);
        double tickets = 1 + 2 * (1 - level) / (1 - endLevel);
        if (shape == FadeShape.STEPWISE) {
            return new DayLevel(level, 1, 1, tickets, 1);
        }
        // Split so that users x active days x depth (which moves key actions only, not logins)
        // comes out close to the level.
        return new DayLevel(
                Math.pow(level, 0.5), Math.pow(level, 0.3), Math.pow(level, 0.2), tickets, 1);
    }
}
