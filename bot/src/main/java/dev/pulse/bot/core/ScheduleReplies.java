package dev.pulse.bot.core;

import dev.pulse.access.schedules.InvalidScheduleException;
import dev.pulse.access.schedules.ReportSchedule;
import dev.pulse.access.schedules.ReportSchedules;
import dev.pulse.access.schedules.ScheduleRequest;
import dev.pulse.access.schedules.ScheduleStore;
import dev.pulse.bot.command.BotCommand;
import dev.pulse.bot.reply.Block;
import dev.pulse.bot.reply.BotReply;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * {@code report schedules}, {@code report cancel <id>} and {@code report schedule …}: the {@link
 * ReportSchedules} use case, the same rights and checks as {@code /v1/report-schedules}.
 */
final class ScheduleReplies {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM HH:mm z");

    private final ReportSchedules schedules;
    private final ZoneId zone;

    /**
     * @param store null where this instance keeps no schedules
     * @param zone the bot's time zone, for schedules made without one
     */
    ScheduleReplies(ScheduleStore store, Clock clock, ZoneId zone) {
        this.schedules = store == null ? null : new ReportSchedules(store, clock);
        this.zone = zone;
    }

    Outcome list(Asker asker) {
        if (schedules == null) {
            return off();
        }
        List<ReportSchedule> mine = schedules.list(asker.caller(), null);
        if (mine.isEmpty()) {
            return Outcome.ok(
                    BotReply.plain(
                            "You have no report schedules. Try `report schedule Acme weekly on"
                                    + " monday at 08:00`."),
                    List.of());
        }
        List<List<String>> rows =
                mine.stream()
                        .map(
                                s ->
                                        List.of(
                                                s.id(),
                                                s.describeWhat(),
                                                s.describeWhen(),
                                                s.format().label()
                                                        + " by "
                                                        + String.join(" and ", s.channels()),
                                                WHEN.format(
                                                        schedules.nextRunAt(s).atZone(s.zone()))))
                        .toList();
        BotReply reply =
                BotReply.builder()
                        .header("Your report schedules (" + mine.size() + ")")
                        .table(new Block.Table(List.of("id", "report", "when", "as", "next"), rows))
                        .context("Cancel one with `report cancel <id>`.")
                        .build();
        return Outcome.ok(
                reply, mine.stream().map(ReportSchedule::tenant).filter(t -> t != null).toList());
    }

    Outcome cancel(Asker asker, String id) {
        if (schedules == null) {
            return off();
        }
        return schedules.cancel(asker.caller(), id) == ReportSchedules.Cancelled.CANCELLED
                ? Outcome.ok(BotReply.plain("Cancelled report schedule " + id + "."), List.of())
                : Outcome.status(
                        404,
                        "You have no report schedule " + id + "; `report schedules` lists yours.",
                        "unknown schedule");
    }

    /**
     * @param tenant the resolved account, for an account report; null for the asker's portfolio
     */
    Outcome schedule(Asker asker, BotCommand.ScheduleReport command, String tenant) {
        if (schedules == null) {
            return off();
        }
        boolean weekly = command.cadence().equals("weekly");
        ReportSchedule made;
        try {
            ScheduleRequest request =
                    new ScheduleRequest(
                            tenant != null ? "account" : "portfolio",
                            tenant,
                            null,
                            null,
                            command.cadence(),
                            weekly ? command.day() : null,
                            weekly ? null : parseDay(command.day()),
                            command.time(),
                            command.timeZone().orElse(zone.getId()),
                            command.format().word(),
                            command.channels(),
                            null,
                            null);
            made = schedules.create(asker.caller(), request);
        } catch (InvalidScheduleException e) {
            return Outcome.status(
                    400, "That schedule does not work: " + e.getMessage() + ".", e.getMessage());
        }
        String next = WHEN.format(schedules.nextRunAt(made).atZone(made.zone()));
        return Outcome.ok(
                BotReply.plain(
                        "Scheduled "
                                + made.id()
                                + ": "
                                + made.describeWhat()
                                + ", "
                                + made.describeWhen()
                                + ", "
                                + made.format().label()
                                + " by "
                                + String.join(" and ", made.channels())
                                + ". First on "
                                + next
                                + "."),
                tenant == null ? List.of() : List.of(tenant));
    }

    private static Integer parseDay(String day) {
        try {
            return Integer.valueOf(day);
        } catch (NumberFormatException e) {
            throw new InvalidScheduleException("dayOfMonth", "must be a number from 1 to 28");
        }
    }

    private static Outcome off() {
        return Outcome.status(503, "Report schedules are not kept on this Pulse.", "schedules off");
    }
}
