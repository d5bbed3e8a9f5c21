package dev.pulse.topologies.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DecimalsTest {
    /** Halves, their neighbours, signs and zeros: where a hand-made rounding would differ. */
    private static final double[] EDGES = {
        0.0,
        -0.0,
        0.5,
        -0.5,
        1.5,
        2.5,
        -2.5,
        0.49999999999999994,
        -0.49999999999999994,
        Math.nextUp(0.5),
        Math.nextDown(2.5),
        1e15 + 0.5,
        4503599627370495.5,
        1e17,
        -1e17,
        0.05,
        0.15,
        0.25,
        0.35,
        1.05,
        2.675,
        -0.04,
        99.95,
        1e-9,
        -1e-9,
        Double.MAX_VALUE,
        Double.MIN_VALUE,
        Double.NaN,
        Double.POSITIVE_INFINITY,
        Double.NEGATIVE_INFINITY
    };

    @Test
    void printsWhatStringFormatPrints() {
        for (double value : EDGES) {
            assertSameAsFormat(value);
        }
        SplittableRandom random = new SplittableRandom(42);
        for (int i = 0; i < 50_000; i++) {
            double value = (random.nextDouble() - 0.3) * Math.pow(10, random.nextInt(-3, 9));
            assertSameAsFormat(value);
            // Scores and percentages land on halves and tenths often: test those exactly.
            assertSameAsFormat(random.nextInt(-2000, 2000) / 20.0);
            assertSameAsFormat(random.nextInt(-20000, 20000) / 200.0);
        }
    }

    /** Two-decimal values and their neighbours: every one a tie, or next to one, for tenths. */
    @Test
    void tenthsRoundTiesAsTheFormatDoes() {
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 20_000; i++) {
            double value = random.nextLong(0, 1_000_000_000L) / 100.0;
            for (double near :
                    new double[] {
                        value, Math.nextUp(value), Math.nextDown(value), -value, value / 1000
                    }) {
                assertSameAsFormat(near);
            }
        }
    }

    @Test
    void percentIsTheWholeShareTimesAHundred() {
        assertThat(Decimals.percent(0.48)).isEqualTo("48%");
        assertThat(Decimals.percent(0.125)).isEqualTo(String.format(Locale.ROOT, "%.0f%%", 12.5));
    }

    private static void assertSameAsFormat(double value) {
        assertThat(Decimals.whole(value))
                .as("whole(%s)", value)
                .isEqualTo(String.format(Locale.ROOT, "%.0f", value));
        assertThat(Decimals.tenths(value))
                .as("tenths(%s)", value)
                .isEqualTo(String.format(Locale.ROOT, "%.1f", value));
    }
}
