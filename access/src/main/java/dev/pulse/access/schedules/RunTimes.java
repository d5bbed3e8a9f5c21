package dev.pulse.access.schedules;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Optional;

/**
 * When a schedule runs, as instants. The local time is placed on each matching date through {@link
 * ZonedDateTime#of}, so a run keeps its wall-clock time across daylight-saving switches; a time
 * that does not exist that day (inside a spring-forward gap) runs at the same offset after the gap,
 * and an ambiguous one (autumn overlap) runs at its first occurrence.
 */
public final class RunTimes {
    /** A weekly schedule matches within 7 days, a monthly one (day ≤ 28) within 31. */
    private static final int SEARCH_DAYS = 32;

    private RunTimes() {}

    /** The first run strictly after {@code after}. */
    public static Instant nextAfter(ReportSchedule schedule, Instant after) {
        LocalDate date = after.atZone(schedule.zone()).toLocalDate();
        for (int i = 0; i <= SEARCH_DAYS; i++, date = date.plusDays(1)) {
            if (schedule.runsOn(date)) {
                Instant run = at(schedule, date);
                if (run.isAfter(after)) {
                    return run;
                }
            }
        }
        throw new IllegalStateException("no run of " + schedule.id() + " within a month");
    }

    /**
     * The newest run due at or before {@code now} that falls after the schedule was created; empty
     * before its first run. After a long downtime this is the one missed run to send, not a
     * backlog.
     */
    public static Optional<Instant> latestDue(ReportSchedule schedule, Instant now) {
        LocalDate date = now.atZone(schedule.zone()).toLocalDate().plusDays(1);
        for (int i = 0; i <= SEARCH_DAYS + 1; i++, date = date.minusDays(1)) {
            if (schedule.runsOn(date)) {
                Instant run = at(schedule, date);
                if (!run.isAfter(now)) {
                    return run.isAfter(schedule.createdAt()) ? Optional.of(run) : Optional.empty();
                }
            }
        }
        return Optional.empty();
    }

    private static Instant at(ReportSchedule schedule, LocalDate date) {
        return ZonedDateTime.of(date, schedule.time(), schedule.zone()).toInstant();
    }
}
