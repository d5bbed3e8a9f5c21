package dev.pulse.access.summary;

import dev.pulse.topologies.health.HealthScore;
import dev.pulse.topologies.time.UtcDays;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Picks the scores that bound a range out of a tenant's end-of-day history. */
final class PeriodScores {
    private PeriodScores() {}

    /**
     * The score at the end of {@code [from, to)}: the current score when {@code to} is after the
     * start of today, else the last end-of-day score that describes an instant no later than {@code
     * to}.
     *
     * @param daily end-of-day scores, oldest first
     */
    static HealthScore end(
            List<HealthScore> daily, HealthScore current, Instant to, Instant today) {
        if (to.isAfter(today) && current != null) {
            return current;
        }
        HealthScore last = null;
        for (HealthScore score : daily) {
            if (!score.asOf().isAfter(to)) {
                last = score;
            }
        }
        return last;
    }

    /** The end-of-day score of the UTC day before the day {@code from} falls on. */
    static HealthScore start(List<HealthScore> daily, Instant from) {
        LocalDate dayBefore = dayBefore(from);
        for (HealthScore score : daily) {
            if (UtcDays.dayClosedBy(score).equals(dayBefore)) {
                return score;
            }
        }
        return null;
    }

    static LocalDate dayBefore(Instant from) {
        return UtcDays.dayOf(from).minusDays(1);
    }
}
