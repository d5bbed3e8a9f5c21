package dev.pulse.bot.command;

import dev.pulse.bot.command.BotCommand.Invalid;
import dev.pulse.bot.command.internal.Token;
import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code report schedule <account>|portfolio weekly on <weekday>|monthly on <day> at <HH:MM> [in
 * <Zone/Id>] [pdf|csv] [by email|chat|email and chat]}: what follows {@code report schedule}.
 * Values are taken as typed; the schedule use case checks them and names what is wrong.
 */
final class ScheduleParser {
    static final String EXAMPLE = "report schedule Acme weekly on monday at 08:00";

    private ScheduleParser() {}

    static BotCommand parse(List<Token> args) {
        int at = indexOf(args, "weekly", "monthly");
        if (at < 0) {
            return invalid("Say how often: weekly on <weekday> or monthly on <day 1-28>.");
        }
        List<Token> what = args.subList(0, at);
        while (!what.isEmpty() && what.get(0).is("for", "of", "on", "about", "a", "the")) {
            what = what.subList(1, what.size());
        }
        if (what.isEmpty()) {
            return invalid("Of which account? Or say report schedule portfolio weekly ….");
        }
        ReportTarget target =
                Token.keys(what).equals("portfolio") || Token.keys(what).equals("my portfolio")
                        ? new ReportTarget.Portfolio(new OwnerScope.Mine())
                        : new ReportTarget.Account(Token.text(what));
        String cadence = args.get(at).key();
        String day = null;
        String time = null;
        String zone = null;
        ReportFormat format = ReportFormat.PDF;
        List<String> channels = new ArrayList<>();
        List<Token> rest = args.subList(at + 1, args.size());
        for (int i = 0; i < rest.size(); i++) {
            Token t = rest.get(i);
            if (t.isSeparator() || t.is("on", "day", "every", "by", "to", "via", "and", "the")) {
                continue;
            }
            if (t.is("at") && i + 1 < rest.size()) {
                time = rest.get(++i).text();
            } else if (t.is("in") && i + 1 < rest.size()) {
                zone = rest.get(++i).text();
            } else if (t.is("pdf", "csv")) {
                format = t.is("pdf") ? ReportFormat.PDF : ReportFormat.CSV;
            } else if (t.is("email", "e-mail", "mail")) {
                add(channels, "email");
            } else if (t.is("chat", "here", "slack", "teams", "discord")) {
                add(channels, "chat");
            } else if (day == null && dayOf(cadence, t).isPresent()) {
                day = dayOf(cadence, t).get();
            } else {
                return invalid("I did not get '" + t.text() + "' in that schedule.");
            }
        }
        if (day == null) {
            return invalid(
                    cadence.equals("weekly")
                            ? "On which weekday? Say weekly on monday."
                            : "On which day of the month (1-28)? Say monthly on 1.");
        }
        if (time == null) {
            return invalid("At what time? Say at 08:00.");
        }
        if (channels.isEmpty()) {
            channels.add("chat");
        }
        return new BotCommand.ScheduleReport(
                target, cadence, day, time, Optional.ofNullable(zone), format, channels);
    }

    /** A weekday (monday, mon) for weekly; a day number (15, 15th) for monthly. */
    private static Optional<String> dayOf(String cadence, Token t) {
        String key = t.key().toLowerCase(Locale.ROOT);
        if (cadence.equals("weekly")) {
            for (DayOfWeek d : DayOfWeek.values()) {
                String name = d.name().toLowerCase(Locale.ROOT);
                if (key.equals(name)
                        || key.equals(name + "s")
                        || key.equals(name.substring(0, 3))) {
                    return Optional.of(d.name());
                }
            }
            return Optional.empty();
        }
        String digits = key.replaceAll("(st|nd|rd|th)$", "");
        return digits.matches("\\d{1,2}") ? Optional.of(digits) : Optional.empty();
    }

    private static int indexOf(List<Token> tokens, String... keys) {
        for (int i = 0; i < tokens.size(); i++) {
            if (tokens.get(i).is(keys)) {
                return i;
            }
        }
        return -1;
    }

    private static void add(List<String> channels, String channel) {
        if (!channels.contains(channel)) {
            channels.add(channel);
        }
    }

    private static Invalid invalid(String message) {
        return new Invalid("report", message, EXAMPLE);
    }
}
