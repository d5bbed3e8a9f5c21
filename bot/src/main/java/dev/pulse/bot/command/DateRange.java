package dev.pulse.bot.command;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A half-open range of calendar days, as summaries and reports query them: {@code fromInclusive} is
 * the first day counted, {@code toExclusive} the first day not counted.
 */
public record DateRange(LocalDate fromInclusive, LocalDate toExclusive) {

    public DateRange {
        Objects.requireNonNull(fromInclusive, "fromInclusive");
        Objects.requireNonNull(toExclusive, "toExclusive");
        if (!fromInclusive.isBefore(toExclusive)) {
            throw new IllegalArgumentException(
                    "empty range: " + fromInclusive + " is not before " + toExclusive);
        }
    }

    /** The range of one day. */
    public static DateRange day(LocalDate day) {
        return new DateRange(day, day.plusDays(1));
    }

    /** The last day counted, for people: "1 Oct – 31 Oct" rather than "until 1 Nov". */
    public LocalDate toInclusive() {
        return toExclusive.minusDays(1);
    }

    /** How many days the range counts. */
    public long days() {
        return toExclusive.toEpochDay() - fromInclusive.toEpochDay();
    }
}
