package dev.pulse.app.backtest;

import java.time.LocalDate;

/** Days (both included) on which the whole portfolio was quiet, as a labelled history says. */
public record HolidayPeriod(LocalDate from, LocalDate to) {
    public boolean covers(LocalDate day) {
        return !day.isBefore(from) && !day.isAfter(to);
    }
}
