package dev.pulse.app.simulator;

import java.util.random.RandomGenerator;

/** Draws how many events happen in a slice of time, given how many are expected. */
final class PoissonSampler {
    private PoissonSampler() {}

    static int sample(RandomGenerator random, double mean) {
        if (mean <= 0) {
            return 0;
        }
        if (mean > 30) {
            // Normal approximation: exact enough for volumes, and constant time.
            return (int) Math.max(0, Math.round(mean + Math.sqrt(mean) * random.nextGaussian()));
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
