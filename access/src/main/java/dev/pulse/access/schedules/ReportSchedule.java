package dev.pulse.access.schedules;

import dev.pulse.access.reports.ExportFormat;
import dev.pulse.access.reports.PortfolioSelection;
import dev.pulse.access.reports.ReportPeriod;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One person's standing order for a report, on the compacted {@code pulse.report-schedules.v1}
 * keyed by id. It runs as {@code createdBy}, whose export rights are checked again at every run,
 * and is delivered to that person. Invalid combinations are refused here, so every front end gets
 * the same answer ({@link InvalidScheduleException} naming the field).
 *
 * @param tenant the account, for {@link ReportKind#ACCOUNT}
 * @param owner whose portfolio (e-mail), for {@link ReportKind#PORTFOLIO}
 * @param team the directory team, for {@link ReportKind#TEAM}
 * @param dayOfWeek for {@link Cadence#WEEKLY}
 * @param dayOfMonth 1 to 28 (every month has them), for {@link Cadence#MONTHLY}
 * @param time local time of day in {@code timeZone}
 * @param channels {@value #EMAIL} and/or {@value #CHAT}
 * @param periodDays whole days covered, ending with the day before the run
 * @param segment the id of a saved segment the portfolio or team report is narrowed to, as the
 *     segment holds at each run; null for none
 */
public record ReportSchedule(
        String id,
        ReportKind report,
        String tenant,
        String owner,
        String team,
        Cadence cadence,
        DayOfWeek dayOfWeek,
        Integer dayOfMonth,
        LocalTime time,
        String timeZone,
        ExportFormat format,
        List<String> channels,
        int periodDays,
        String createdBy,
        Instant createdAt,
        String segment) {
    public static final String EMAIL = "email";
    public static final String CHAT = "chat";
    public static final Set<String> CHANNELS = Set.of(EMAIL, CHAT);
    public static final int LAST_DAY_OF_MONTH = 28;

    public ReportSchedule {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(createdBy, "createdBy");
        Objects.requireNonNull(createdAt, "createdAt");
        require(report, "report", "is required: account, portfolio or team");
        require(cadence, "cadence", "is required: weekly or monthly");
        require(time, "time", "is required, such as 08:00");
        require(format, "format", "is required: pdf or csv");
        checkTarget(report, tenant, owner, team);
        checkDay(cadence, dayOfWeek, dayOfMonth);
        if (segment != null && report == ReportKind.ACCOUNT) {
            // One account is in a segment or not: narrowing its review would only blank it.
            throw new InvalidScheduleException("segment", "is only for portfolio and team reports");
        }
        timeZone = zone(timeZone);
        channels = channels == null ? List.of() : List.copyOf(channels);
        if (channels.isEmpty() || !CHANNELS.containsAll(channels)) {
            throw new InvalidScheduleException(
                    "channels", "must name email and/or chat, such as [\"email\", \"chat\"]");
        }
        if (periodDays < 1 || periodDays > ReportPeriod.MAX_SPAN.toDays()) {
            throw new InvalidScheduleException(
                    "periodDays", "must be between 1 and " + ReportPeriod.MAX_SPAN.toDays());
        }
    }

    private static void require(Object value, String field, String message) {
        if (value == null) {
            throw new InvalidScheduleException(field, message);
        }
    }

    private static void checkTarget(ReportKind report, String tenant, String owner, String team) {
        boolean account = report == ReportKind.ACCOUNT;
        if (account != (tenant != null)) {
            throw new InvalidScheduleException(
                    "tenant",
                    account ? "is required for an account report" : "is only for account reports");
        }
        if (owner != null && report != ReportKind.PORTFOLIO) {
            throw new InvalidScheduleException("owner", "is only for portfolio reports");
        }
        if (report == ReportKind.PORTFOLIO && owner == null) {
            throw new InvalidScheduleException("owner", "is required for a portfolio report");
        }
        boolean forTeam = report == ReportKind.TEAM;
        if (forTeam != (team != null)) {
            throw new InvalidScheduleException(
                    "team", forTeam ? "is required for a team report" : "is only for team reports");
        }
    }

    private static void checkDay(Cadence cadence, DayOfWeek dayOfWeek, Integer dayOfMonth) {
        if (cadence == Cadence.WEEKLY) {
            require(dayOfWeek, "dayOfWeek", "is required for a weekly report, such as MONDAY");
            if (dayOfMonth != null) {
                throw new InvalidScheduleException("dayOfMonth", "is only for monthly reports");
            }
        } else {
            require(dayOfMonth, "dayOfMonth", "is required for a monthly report, 1 to 28");
            if (dayOfMonth < 1 || dayOfMonth > LAST_DAY_OF_MONTH) {
                throw new InvalidScheduleException(
                        "dayOfMonth",
                        "must be 1 to " + LAST_DAY_OF_MONTH + " so that every month has it");
            }
            if (dayOfWeek != null) {
                throw new InvalidScheduleException("dayOfWeek", "is only for weekly reports");
            }
        }
    }

    private static String zone(String timeZone) {
        if (timeZone == null || timeZone.isBlank()) {
            throw new InvalidScheduleException(
                    "timeZone", "is required: an IANA time zone such as Europe/Berlin");
        }
        try {
            return ZoneId.of(timeZone).getId();
        } catch (java.time.DateTimeException e) {
            throw new InvalidScheduleException(
                    "timeZone",
                    "'" + timeZone + "' is not an IANA time zone such as Europe/Berlin");
        }
    }

    public ZoneId zone() {
        return ZoneId.of(timeZone);
    }

    /** Whether the schedule runs on {@code date} (a date in its own time zone). */
    public boolean runsOn(LocalDate date) {
        return cadence == Cadence.WEEKLY
                ? date.getDayOfWeek() == dayOfWeek
                : date.getDayOfMonth() == dayOfMonth;
    }

    /** The portfolio selection of a portfolio or team report, with its segment if any. */
    public PortfolioSelection selection() {
        PortfolioSelection selection =
                report == ReportKind.TEAM
                        ? PortfolioSelection.team(team)
                        : PortfolioSelection.owner(owner);
        return selection.withSegment(segment);
    }

    /**
     * The whole days a run due at {@code dueAt} covers: {@link #periodDays} days ending with the
     * day before the run's local date (today is not over yet).
     */
    public ReportPeriod periodFor(Instant dueAt) {
        LocalDate last = dueAt.atZone(zone()).toLocalDate().minusDays(1);
        return ReportPeriod.ofDays(last.minusDays(periodDays - 1L), last);
    }

    /** "Weekly on MONDAY at 08:00 Europe/Berlin", for messages. */
    public String describeWhen() {
        String day =
                cadence == Cadence.WEEKLY
                        ? "weekly on " + label(dayOfWeek)
                        : "monthly on day " + dayOfMonth;
        return day + " at " + time + " " + timeZone;
    }

    /** "account acme", "portfolio of sarah@x", "team EMEA", "… in segment seg-…". */
    public String describeWhat() {
        String what =
                switch (report) {
                    case ACCOUNT -> "account " + tenant;
                    case PORTFOLIO -> "portfolio of " + owner;
                    case TEAM -> "team " + team;
                };
        return segment == null ? what : what + " in segment " + segment;
    }

    private static String label(DayOfWeek day) {
        String name = day.name().toLowerCase(java.util.Locale.ROOT);
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }
}
