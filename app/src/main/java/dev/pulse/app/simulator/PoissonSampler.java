package dev.pulse.app.simulator;

import java.util.function.DoubleSupplier;
import java.util.random.RandomGenerator;

/** Draws how many events happen in a slice of time, given how many are expected. */
public final class PoissonSampler {
    private PoissonSampler() {}

    static int sample(RandomGenerator random, double mean) {
        return sample(random, mean, random::nextGaussian);
    }

    /**
     * As above, with the standard normal draw of large means taken from {@code gaussian}: the
     * backtest's synthetic portfolios keep their own draw, on which their trap outcomes are pinned.
     */
    public static int sample(RandomGenerator random, double mean, DoubleSupplier gaussian) {
        if (mean <= 0) {
            return 0;
        }
        if (mean > 30) {
            // Normal approximation: exact enough for volumes, and constant time.
            return (int) Math.max(0, Math.round(mean + Math.sqrt(mean) * gaussian.getAsDouble()));
        }
        double limit = Math.exp(-mean);
        double product = random.nextDouble();
        int count = 0;
        while (product > limit) {
            product *= random.nextDouble();
            count++;
        }
        return count;
    }
}
