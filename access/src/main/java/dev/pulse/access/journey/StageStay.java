package dev.pulse.access.journey;

import java.time.LocalDate;

/**
 * The stage an account stands in.
 *
 * @param kind {@code progress} or {@code exit}
 * @param since the first day in the stage
 * @param days whole days in the stage up to the latest closed day, both included
 */
public record StageStay(String id, String label, String kind, LocalDate since, long days) {}
