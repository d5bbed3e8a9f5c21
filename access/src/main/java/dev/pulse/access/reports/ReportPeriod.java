package dev.pulse.access.reports;

import dev.pulse.topologies.time.UtcDays;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * The half-open range {@code [from, to)} a report covers, at most {@link #MAX_SPAN}. Reports read
 * by UTC day, so the days shown are those starting in the range.
 */
public record ReportPeriod(Instant from, Instant to) {
    /** Two years of history are kept; a report asks for no more. */
    public static final Duration MAX_SPAN = Duration.ofDays(731);

    public ReportPeriod {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException(
                    "a report period must start before it ends: from " + from + ", to " + to);
        }
        if (Duration.between(from, to).compareTo(MAX_SPAN) > 0) {
            throw new IllegalArgumentException(
                    "a report period is at most " + MAX_SPAN.toDays() + " days");
        }
    }

    /** The whole UTC days {@code first} to {@code last}, both included. */
    public static ReportPeriod ofDays(LocalDate first, LocalDate last) {
        return new ReportPeriod(UtcDays.startOf(first), UtcDays.startOf(last.plusDays(1)));
    }

    public LocalDate firstDay() {
        return UtcDays.dayOf(from);
    }

    /** The last day the period touches. */
    public LocalDate lastDay() {
        return UtcDays.dayOf(to.minusMillis(1));
    }

    /** "2026-01-01 to 2026-03-31", as reports print it. */
    public String label() {
        return firstDay() + " to " + lastDay();
    }
}
