package dev.pulse.app.simulator;

import java.time.LocalDate;
import java.util.random.RandomGenerator;

/**
 * Day-to-day noise of a small account: some days nobody works in it, on the others traffic varies
 * log-normally around the usual level (which it keeps on average). The noise of a day is a hash of
 * {@code salt} and the date, so any day can be computed on its own.
 *
 * @param sigma spread of the log-normal day factor
 * @param quietDayChance share of days without any usage
 */
public record DailyNoise(long salt, double sigma, double quietDayChance) implements UsageEffect {
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    public DailyNoise {
        if (!(sigma >= 0) || !(quietDayChance >= 0 && quietDayChance < 1)) {
            throw new IllegalArgumentException("sigma >= 0 and quietDayChance in [0, 1) needed");
        }
    }

    /** Noise with a spread of 0.4–0.6 and 15–30% quiet days. */
    public static DailyNoise draw(RandomGenerator random) {
        return new DailyNoise(
                random.nextLong(), random.nextDouble(0.4, 0.6), random.nextDouble(0.15, 0.3));
    }

    @Override
    public DayLevel on(LocalDate day) {
        long h = RandomStreams.mix(salt ^ RandomStreams.mix(day.toEpochDay() + GOLDEN));
        if (uniform(h) < quietDayChance) {
            return DayLevel.ofVolume(0);
        }
        long h1 = RandomStreams.mix(h + GOLDEN);
        long h2 = RandomStreams.mix(h1 + GOLDEN);
        // Box-Muller from two hashed uniforms; the 1 - u keeps the logarithm finite.
        double gaussian =
                Math.sqrt(-2 * Math.log(1 - uniform(h1))) * Math.cos(2 * Math.PI * uniform(h2));
        double factor = Math.exp(sigma * gaussian - sigma * sigma / 2);
        return DayLevel.ofVolume(factor / (1 - quietDayChance));
    }

    private static double uniform(long bits) {
        return (bits >>> 11) * 0x1.0p-53;
    }
}
