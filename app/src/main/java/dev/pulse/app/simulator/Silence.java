package dev.pulse.app.simulator;

import java.time.LocalDate;

/** No activity at all from {@code from} on: an account that went quiet. */
public record Silence(LocalDate from) implements UsageEffect {
    @Override
    public DayLevel on(LocalDate day) {
        return day.isBefore(from) ? DayLevel.NORMAL : DayLevel.SILENT;
    }
}
