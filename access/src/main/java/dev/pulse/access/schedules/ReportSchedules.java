package dev.pulse.access.schedules;

import dev.pulse.access.reports.ExportFormat;
import dev.pulse.access.security.AccessDeniedException;
import dev.pulse.access.security.Caller;
import dev.pulse.access.security.Permission;
import dev.pulse.access.segments.Segments;
import dev.pulse.access.segments.UnknownSegmentException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * The schedule use cases for every front end (API, chat): create, list and cancel. A schedule
 * belongs to the person who made it and runs as them; making one needs the right to export that
 * report now ({@link #requireExportRight}), and the run checks again through the {@code Reports}
 * use case, because the person's role or scope may change in between.
 */
public final class ReportSchedules {
    /** What {@link #cancel} did. */
    public enum Cancelled {
        CANCELLED,
        NOT_FOUND
    }

    private final ScheduleStore store;
    private final Clock clock;
    private final Segments segments;
    private final SecureRandom random = new SecureRandom();

    /** Without segments: a schedule naming one names an unknown segment. */
    public ReportSchedules(ScheduleStore store, Clock clock) {
        this(store, clock, null);
    }

    /**
     * @param segments the saved segments a schedule may be narrowed to; null where none are kept
     */
    public ReportSchedules(ScheduleStore store, Clock clock, Segments segments) {
        this.store = store;
        this.clock = clock;
        this.segments = segments;
    }

    /**
     * Validates and stores a schedule for the caller. {@link InvalidScheduleException} for bad
     * input, {@link AccessDeniedException} when the caller may not export that report, {@link
     * UnknownSegmentException} when it names a segment that does not exist.
     */
    public ReportSchedule create(Caller caller, ScheduleRequest request) {
        String person = personOf(caller);
        ReportKind report =
                request.report() == null ? null : ReportKind.fromLabel(request.report());
        Cadence cadence = request.cadence() == null ? null : Cadence.fromLabel(request.cadence());
        String owner = lower(request.owner());
        if (report == ReportKind.PORTFOLIO && owner == null) {
            owner = person;
        }
        ReportSchedule schedule =
                new ReportSchedule(
                        newId(),
                        report,
                        blankToNull(request.tenant()),
                        owner,
                        blankToNull(request.team()),
                        cadence,
                        dayOfWeek(request.dayOfWeek()),
                        request.dayOfMonth(),
                        time(request.time()),
                        request.timeZone(),
                        format(request.format()),
                        request.channels(),
                        request.periodDays() != null
                                ? request.periodDays()
                                : cadence == null ? 1 : cadence.defaultPeriodDays(),
                        person,
                        clock.instant().truncatedTo(ChronoUnit.MILLIS),
                        blankToNull(request.segment()));
        requireExportRight(caller, schedule);
        if (schedule.segment() != null) {
            requireSegment(caller, schedule.segment());
        }
        store.save(schedule);
        return schedule;
    }

    /**
     * The schedules of {@code person} (an e-mail), or the caller's own when null; someone else's
     * only for admins. Soonest next run first.
     */
    public List<ReportSchedule> list(Caller caller, String person) {
        String whose = person == null ? personOf(caller) : lower(person);
        if (!whose.equals(caller.principal().email())) {
            caller.require(Permission.ADMINISTER);
        }
        Instant now = clock.instant();
        return store.all().stream()
                .filter(s -> s.createdBy().equals(whose))
                .sorted(
                        Comparator.comparing((ReportSchedule s) -> RunTimes.nextAfter(s, now))
                                .thenComparing(ReportSchedule::id))
                .toList();
    }

    /** Cancels one of the caller's schedules (anyone's for an admin). */
    public Cancelled cancel(Caller caller, String id) {
        ReportSchedule schedule = store.get(id).orElse(null);
        if (schedule == null) {
            return Cancelled.NOT_FOUND;
        }
        if (!schedule.createdBy().equals(caller.principal().email())) {
            caller.require(Permission.ADMINISTER);
        }
        store.delete(id);
        return Cancelled.CANCELLED;
    }

    /** When the schedule runs next, from now. */
    public Instant nextRunAt(ReportSchedule schedule) {
        return RunTimes.nextAfter(schedule, clock.instant());
    }

    /**
     * The export rights a run of {@code schedule} needs, checked for {@code caller}: the same
     * permissions and scope the {@code Reports} use cases check before an export.
     */
    public static void requireExportRight(Caller caller, ReportSchedule schedule) {
        switch (schedule.report()) {
            case ACCOUNT -> {
                caller.require(Permission.EXPORT);
                if (!caller.scope().allowsTenant(schedule.tenant())) {
                    throw new AccessDeniedException(
                            "account "
                                    + schedule.tenant()
                                    + " is outside your scope ("
                                    + caller.scope().describe()
                                    + ")");
                }
            }
            case PORTFOLIO -> {
                caller.require(Permission.EXPORT_PORTFOLIOS);
                caller.requireOwners(List.of(schedule.owner()));
            }
            case TEAM -> caller.require(Permission.EXPORT_PORTFOLIOS);
        }
    }

    /** The segment exists now; each run reads what it holds then. */
    private void requireSegment(Caller caller, String segmentId) {
        if (segments == null) {
            throw new UnknownSegmentException(segmentId);
        }
        segments.get(caller, segmentId);
    }

    private static String personOf(Caller caller) {
        String email = caller.principal().email();
        if (email == null) {
            throw new AccessDeniedException(
                    "report schedules belong to a person and are delivered to them; this"
                            + " credential acts for no one");
        }
        return email;
    }

    private String newId() {
        byte[] bytes = new byte[6];
        String id;
        do {
            random.nextBytes(bytes);
            id = "rs-" + HexFormat.of().formatHex(bytes);
        } while (store.get(id).isPresent());
        return id;
    }

    private static DayOfWeek dayOfWeek(String day) {
        if (day == null) {
            return null;
        }
        try {
            return DayOfWeek.valueOf(day.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidScheduleException(
                    "dayOfWeek", "must be a weekday such as MONDAY, not '" + day + "'");
        }
    }

    private static LocalTime time(String time) {
        if (time == null) {
            return null;
        }
        try {
            return LocalTime.parse(time.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidScheduleException(
                    "time", "must be a time of day such as 08:00, not '" + time + "'");
        }
    }

    private static ExportFormat format(String format) {
        if (format == null) {
            return null;
        }
        try {
            return ExportFormat.fromLabel(format.strip());
        } catch (IllegalArgumentException | DateTimeException e) {
            throw new InvalidScheduleException(
                    "format", "must be pdf or csv, not '" + format + "'");
        }
    }

    private static String lower(String s) {
        String v = blankToNull(s);
        return v == null ? null : v.toLowerCase(Locale.ROOT);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
