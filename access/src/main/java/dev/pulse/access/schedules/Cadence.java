package dev.pulse.access.schedules;

import java.util.Locale;

/** How often a schedule runs: weekly on a weekday, or monthly on a day of the month. */
public enum Cadence {
    WEEKLY,
    MONTHLY;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** A weekly report covers the last 7 days, a monthly one the last 30, unless told otherwise. */
    public int defaultPeriodDays() {
        return this == WEEKLY ? 7 : 30;
    }

    public static Cadence fromLabel(String label) {
        for (Cadence cadence : values()) {
            if (cadence.name().equalsIgnoreCase(label)) {
                return cadence;
            }
        }
        throw new InvalidScheduleException(
                "cadence", "must be weekly or monthly, not '" + label + "'");
    }
}
