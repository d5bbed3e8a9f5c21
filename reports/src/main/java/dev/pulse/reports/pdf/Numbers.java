package dev.pulse.reports.pdf;

import java.util.Locale;

/** How numbers read on a page: one decimal, signed changes, money without decimals. */
final class Numbers {
    private Numbers() {}

    static String score(Double value) {
        return value == null ? "–" : String.format(Locale.ROOT, "%.1f", value);
    }

    static String change(Double value) {
        return value == null ? "–" : String.format(Locale.ROOT, "%+.1f", value);
    }

    static String money(Double value) {
        return value == null ? "–" : String.format(Locale.ROOT, "%,.0f", value);
    }

    static String percent(Double ratio) {
        return ratio == null ? "–" : String.format(Locale.ROOT, "%.0f%%", ratio * 100);
    }

    static String text(Object value) {
        return value == null ? "–" : value.toString();
    }
}
