package dev.pulse.access.schedules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pulse.access.reports.ExportFormat;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunTimesTest {
    private static final Instant CREATED = Instant.parse("2026-01-01T00:00:00Z");

    private static ReportSchedule weekly(DayOfWeek day, String time, String zone) {
        return new ReportSchedule(
                "rs-1",
                ReportKind.ACCOUNT,
                "acme",
                null,
                null,
                Cadence.WEEKLY,
                day,
                null,
                LocalTime.parse(time),
                zone,
                ExportFormat.PDF,
                List.of("email"),
                7,
                "sarah@pulse.test",
                CREATED,
                null);
    }

    private static ReportSchedule monthly(int day, String time, String zone) {
        return new ReportSchedule(
                "rs-2",
                ReportKind.TEAM,
                null,
                null,
                "EMEA",
                Cadence.MONTHLY,
                null,
                day,
                LocalTime.parse(time),
                zone,
                ExportFormat.CSV,
                List.of("chat"),
                30,
                "marcus@pulse.test",
                CREATED,
                null);
    }

    @Test
    void weeklyRunsOnItsWeekdayAtLocalTime() {
        ReportSchedule s = weekly(DayOfWeek.MONDAY, "08:00", "Europe/Berlin");
        // Thursday 2026-03-05: next Monday is 2026-03-09, 08:00 CET = 07:00Z.
        assertThat(RunTimes.nextAfter(s, Instant.parse("2026-03-05T12:00:00Z")))
                .isEqualTo("2026-03-09T07:00:00Z");
        // Exactly at a run: the next one is a week later.
        assertThat(RunTimes.nextAfter(s, Instant.parse("2026-03-09T07:00:00Z")))
                .isEqualTo("2026-03-16T07:00:00Z");
    }

    @Test
    void weeklyKeepsWallClockTimeAcrossTheSpringSwitch() {
        ReportSchedule s = weekly(DayOfWeek.MONDAY, "08:00", "Europe/Berlin");
        // Berlin moves to CEST on Sunday 2026-03-29: 08:00 is 06:00Z from then on.
        assertThat(RunTimes.nextAfter(s, Instant.parse("2026-03-23T07:00:00Z")))
                .isEqualTo("2026-03-30T06:00:00Z");
    }

    @Test
    void aTimeInsideTheGapRunsJustAfterIt() {
        ReportSchedule s = weekly(DayOfWeek.SUNDAY, "02:30", "Europe/Berlin");
        // 02:30 does not exist on 2026-03-29 in Berlin: it runs at 03:30 CEST = 01:30Z.
        assertThat(RunTimes.nextAfter(s, Instant.parse("2026-03-28T00:00:00Z")))
                .isEqualTo("2026-03-29T01:30:00Z");
    }

    @Test
    void anAmbiguousAutumnTimeRunsOnce() {
        ReportSchedule s = weekly(DayOfWeek.SUNDAY, "02:30", "Europe/Berlin");
        Instant first = RunTimes.nextAfter(s, Instant.parse("2026-10-24T00:00:00Z"));
        assertThat(first).isEqualTo("2026-10-25T00:30:00Z");
        assertThat(RunTimes.nextAfter(s, first)).isEqualTo("2026-11-01T01:30:00Z");
    }

    @Test
    void monthlyOnDay28RunsEveryMonthFebruaryIncluded() {
        ReportSchedule s = monthly(28, "09:15", "America/New_York");
        Instant jan = RunTimes.nextAfter(s, Instant.parse("2026-01-20T00:00:00Z"));
        assertThat(jan).isEqualTo("2026-01-28T14:15:00Z");
        Instant feb = RunTimes.nextAfter(s, jan);
        assertThat(feb).isEqualTo("2026-02-28T14:15:00Z");
        // New York switches to EDT on 2026-03-08.
        assertThat(RunTimes.nextAfter(s, feb)).isEqualTo("2026-03-28T13:15:00Z");
    }

    @Test
    void afterALongDowntimeOnlyTheLatestMissedRunIsDue() {
        ReportSchedule s = weekly(DayOfWeek.MONDAY, "08:00", "Europe/Berlin");
        // Down from before 2026-02-02 until Wednesday 2026-02-25: three Mondays missed.
        assertThat(RunTimes.latestDue(s, Instant.parse("2026-02-25T10:00:00Z")))
                .contains(Instant.parse("2026-02-23T07:00:00Z"));
    }

    @Test
    void nothingIsDueBeforeTheFirstRunAfterCreation() {
        ReportSchedule s = weekly(DayOfWeek.THURSDAY, "08:00", "UTC");
        // Created Thursday 2026-01-01 00:00Z; at 07:59 nothing yet, at 08:00 the first run.
        assertThat(RunTimes.latestDue(s, Instant.parse("2026-01-01T07:59:00Z"))).isEmpty();
        assertThat(RunTimes.latestDue(s, Instant.parse("2026-01-01T08:00:00Z")))
                .contains(Instant.parse("2026-01-01T08:00:00Z"));
        assertThat(RunTimes.latestDue(s, Instant.parse("2025-12-31T08:00:00Z"))).isEmpty();
    }

    @Test
    void aRunCoversTheWholeDaysBeforeIt() {
        ReportSchedule s = weekly(DayOfWeek.MONDAY, "08:00", "Europe/Berlin");
        var period = s.periodFor(Instant.parse("2026-03-09T07:00:00Z"));
        assertThat(period.firstDay()).isEqualTo(LocalDate.parse("2026-03-02"));
        assertThat(period.lastDay()).isEqualTo(LocalDate.parse("2026-03-08"));
    }

    @Test
    void refusesDay29AndNamesTheField() {
        assertThatThrownBy(() -> monthly(29, "08:00", "UTC"))
                .isInstanceOfSatisfying(
                        InvalidScheduleException.class,
                        e -> assertThat(e.field()).isEqualTo("dayOfMonth"));
        assertThatThrownBy(() -> weekly(DayOfWeek.MONDAY, "08:00", "Mars/Olympus"))
                .isInstanceOfSatisfying(
                        InvalidScheduleException.class,
                        e -> assertThat(e.field()).isEqualTo("timeZone"));
    }
}
