package dev.pulse.app.simulator;

import java.util.SplittableRandom;
import java.util.UUID;
import java.util.random.RandomGenerator;

/**
 * Derives independent, reproducible random streams from the simulator seed and a key (a tenant, a
 * day, an hour). Keyed streams make any hour of simulated traffic computable on its own, so a
 * replay, a test and the live generator agree on it without replaying what came before.
 */
final class RandomStreams {
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private final long seed;

    RandomStreams(long seed) {
        this.seed = seed;
    }

    /** A stream for the given key parts; the same parts always give the same stream. */
    SplittableRandom stream(long... parts) {
        long h = mix(seed + GOLDEN);
        for (long part : parts) {
            h = mix(h ^ mix(part + GOLDEN));
        }
        return new SplittableRandom(h);
    }

    /** A version-4 UUID drawn from the given stream, so event ids are reproducible too. */
    static String uuid(RandomGenerator random) {
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(high, low).toString();
    }

    /** SplitMix64's finaliser: a bijective scramble of 64 bits. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
