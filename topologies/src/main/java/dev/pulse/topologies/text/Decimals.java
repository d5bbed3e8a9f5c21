package dev.pulse.topologies.text;

import java.util.Locale;

/**
 * Numbers in sentences, exactly as {@code String.format(Locale.ROOT, "%.0f" / "%.1f", value)}
 * prints them, without a format string parsed per call: every closed day writes a dozen sentences
 * per tenant, and re-scoring years of history spent more time formatting than scoring.
 */
public final class Decimals {
    /** Below this, a double has a fraction and Math.round rounds it exactly half up. */
    private static final double EXACT_INTEGERS = 0x1p52;

    private Decimals() {}

    /** Rounded to a whole number, half up: "62", "-3", and "-0" for a small negative. */
    public static String whole(double value) {
        double magnitude = Math.abs(value);
        if (!(magnitude < EXACT_INTEGERS)) {
            return String.format(Locale.ROOT, "%.0f", value);
        }
        // %.0f rounds the shortest decimal form half up; for these magnitudes that is the same
        // as rounding the double itself (a half is a double, so it is never between two forms).
        long rounded = Math.round(magnitude);
        return Double.compare(value, 0.0) < 0 ? "-" + rounded : Long.toString(rounded);
    }

    /** A share as a whole percent: 0.48 gives "48%". */
    public static String percent(double share) {
        return whole(share * 100) + "%";
    }

    /**
     * One decimal, half up: "3.5". Locale.US prints what Locale.ROOT does (the same digits and
     * point) but skips the JDK's per-call lookup of the locale's symbols.
     */
    public static String tenths(double value) {
        return String.format(Locale.US, "%.1f", value);
    }
}
