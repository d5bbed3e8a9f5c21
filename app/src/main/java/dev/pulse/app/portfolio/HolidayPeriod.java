package dev.pulse.app.portfolio;

import dev.pulse.app.simulator.Dip;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * Days on which every account of the portfolio uses the product less (a holiday season).
 *
 * @param from the first day, inclusive
 * @param to the last day, inclusive
 * @param factor the share of normal usage left on these days
 */
public record HolidayPeriod(LocalDate from, LocalDate to, double factor) {

    public HolidayPeriod {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException(
                    "a holiday ends after it starts: " + from + " / " + to);
        }
        if (!(factor > 0 && factor <= 1)) {
            throw new IllegalArgumentException("factor must be in (0, 1], got " + factor);
        }
    }

    /** How many days it lasts. */
    public int days() {
        return (int) ChronoUnit.DAYS.between(from, to) + 1;
    }

    public boolean covers(LocalDate day) {
        return !day.isBefore(from) && !day.isAfter(to);
    }

    /** The holiday as the simulator applies it to one account. */
    Dip asDip() {
        return new Dip(from, to, factor);
    }
}
