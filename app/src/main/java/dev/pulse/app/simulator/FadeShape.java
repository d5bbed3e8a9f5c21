package dev.pulse.app.simulator;

import java.util.List;
import java.util.Locale;

/** How a churner's usage falls over its fade. */
public enum FadeShape {
    /** The same loss every day. */
    LINEAR,
    /** Most of the loss early, then a slow tail (the drop is concave in time). */
    EARLY_DROP,
    /** Little loss at first, then a collapse near the end (the drop is convex in time). */
    LATE_COLLAPSE,
    /** Users or whole teams drop out in 2–4 steps; in between, usage holds. */
    STEPWISE;

    /** The shape as accounts carry it: lower case, words joined by hyphens. */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * The share of the fade's total loss reached at {@code progress} (0 at the start, 1 at the
     * end).
     *
     * @param steps for {@link #STEPWISE}: where the steps fall, as sorted fractions of the fade
     */
    double drop(double progress, List<Double> steps) {
        double t = Math.max(0, Math.min(1, progress));
        return switch (this) {
            case LINEAR -> t;
            case EARLY_DROP -> 1 - (1 - t) * (1 - t);
            case LATE_COLLAPSE -> t * t;
            case STEPWISE -> {
                int passed = 0;
                for (double step : steps) {
                    if (t >= step) {
                        passed++;
                    }
                }
                yield passed / (double) steps.size();
            }
        };
    }
}
