package dev.pulse.access.segments;

import java.time.LocalDate;
import java.util.List;

/**
 * A segment's course over the UTC days {@code [from, to)}: per day, how many accounts of the
 * caller's scope met its criteria with that day's end-of-day score, and their average.
 */
public record SegmentHistory(Segment segment, LocalDate from, LocalDate to, List<Day> days) {

    /** One day; averageScore null when no member had a score that day. */
    public record Day(LocalDate day, int size, Double averageScore) {}
}
