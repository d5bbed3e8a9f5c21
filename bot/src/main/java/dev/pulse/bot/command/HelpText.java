package dev.pulse.bot.command;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The words Pulse answers help, mistakes and unknown messages with. Plain text with {@code `code`}
 * spans, which Slack, Teams and Discord all render; platform layouts wrap it later. Every example
 * here is a command the parser accepts (a test checks it).
 */
public final class HelpText {

    private static final Map<HelpTopic, List<String>> EXAMPLES = new EnumMap<>(HelpTopic.class);
    private static final Map<HelpTopic, String> SYNTAX = new EnumMap<>(HelpTopic.class);

    static {
        put(
                HelpTopic.AT_RISK,
                "`at-risk` [for <person> | for team <person>] — accounts in the at-risk band",
                "at-risk accounts",
                "at-risk accounts for Sarah",
                "at-risk accounts for team Priya");
        put(
                HelpTopic.STATUS,
                "`status <account>` or `how is <account> doing` — score, why it moved, usage",
                "how is Acme doing",
                "status Jasper Health");
        put(
                HelpTopic.PORTFOLIO,
                "`portfolio` [for <person> | for team <person>] — accounts sorted by risk",
                "my portfolio",
                "portfolio for Sarah");
        put(
                HelpTopic.SUMMARY,
                "`summary` [<dates>] — totals for a date range (default: last 30 days)",
                "summary last month",
                "summary this quarter",
                "summary 2026-10-01 to 2026-10-31");
        put(
                HelpTopic.ALERTS,
                "`alerts` [<state>], `ack <alert>`, `snooze <alert> <duration>`, `resolve <alert>`"
                        + " — an alert is `tenant/rule` or an account name and rule",
                "firing alerts",
                "ack acme/gone-silent",
                "snooze Acme silence 7d",
                "resolve Acme usage-drop");
        put(
                HelpTopic.FOLLOW_UP,
                "`follow-up <account>: <title>` [by <date>] — an action item on an account",
                "follow-up Acme: call the champion by 2026-12-01",
                "follow up on Jasper Health: schedule QBR due friday");
        put(
                HelpTopic.REPORT,
                "`report <account> | portfolio` [pdf | csv] — a business-review report, uploaded"
                        + " here; `report schedule …`, `report schedules`, `report cancel <id>` —"
                        + " one on a schedule",
                "report Acme pdf",
                "report portfolio csv",
                "report schedule Acme weekly on monday at 08:00 by email and chat");
        put(
                HelpTopic.SEGMENT,
                "`segments`, `how is the <segment> segment doing` — saved groups of accounts:"
                        + " size, average score, at risk; `save segment <name>: <conditions>`,"
                        + " `delete segment <name>` — analysts, managers and admins",
                "how is the enterprise segment doing",
                "segments",
                "segment Enterprise at risk",
                "save segment Enterprise renewals: plan enterprise, renewal within 90 days, band"
                        + " at risk",
                "delete segment Enterprise renewals");
        put(
                HelpTopic.FUNNEL,
                "`where do <account>'s users stall` — the adoption funnel step where the"
                        + " account's users stop, against the portfolio",
                "where do Acme's users stall",
                "funnel Jasper Health");
    }

    private HelpText() {}

    private static void put(HelpTopic topic, String syntax, String... examples) {
        SYNTAX.put(topic, syntax);
        EXAMPLES.put(topic, List.of(examples));
    }

    /** The examples shown for a topic. */
    public static List<String> examples(HelpTopic topic) {
        return EXAMPLES.get(topic);
    }

    /** Every command, one line each, with an example. */
    public static String overview() {
        String lines =
                SYNTAX.entrySet().stream()
                        .map(
                                e ->
                                        "• "
                                                + e.getValue()
                                                + "\n    e.g. `"
                                                + examples(e.getKey()).get(0)
                                                + "`")
                        .collect(Collectors.joining("\n"));
        return "Here is what I understand:\n"
                + lines
                + "\nSay `help <command>` for more, e.g. `help alerts`.";
    }

    /** One topic: its syntax and all its examples. */
    public static String topic(HelpTopic topic) {
        String examples =
                examples(topic).stream()
                        .map(e -> "• `" + e + "`")
                        .collect(Collectors.joining("\n"));
        String more =
                topic == HelpTopic.SUMMARY
                        ? "\nDates: today, yesterday, this/last week, this/last month, this/last"
                                + " quarter, this/last year, last 30 days, October, 2026-10, Q3"
                                + " 2026, 2026-10-01 to 2026-10-31. Weeks start on Monday."
                        : topic == HelpTopic.ALERTS
                                ? "\nDurations: 30m, 2h, 1d, 7d, 1w, 3 days, 1 week (up to 90"
                                        + " days)."
                                : topic == HelpTopic.SEGMENT
                                        ? "\nConditions, separated by commas: "
                                                + SegmentCriteriaParser.UNDERSTOOD
                                                + ". Bounds count the number itself."
                                        : "";
        return SYNTAX.get(topic) + more + "\nExamples:\n" + examples;
    }

    /** A known command used wrongly: what is wrong and an example that works. */
    public static String invalid(BotCommand.Invalid invalid) {
        return invalid.message() + "\nFor example: `" + invalid.example() + "`";
    }

    /** Not a command: the closest command, if any, and a few examples. */
    public static String unknown(BotCommand.Unknown unknown) {
        String start =
                unknown.suggestion()
                        .filter(s -> !s.equals("help"))
                        .map(s -> "Did you mean `" + s + "`?\n" + topic(topicOf(s)))
                        .orElse(
                                "I didn't catch that. Try `my portfolio`, `at-risk accounts`,"
                                        + " `how is Acme doing`, `summary last month` or"
                                        + " `alerts`.");
        return start + "\nSay `help` to see everything I understand.";
    }

    /** Too long to be a command. */
    public static String tooLong(BotCommand.TooLong tooLong) {
        return "That message is "
                + tooLong.length()
                + " characters long; commands are at most "
                + tooLong.limit()
                + ". Say `help` to see what I understand.";
    }

    private static HelpTopic topicOf(String commandWord) {
        return HelpTopic.fromWord(commandWord).orElse(HelpTopic.STATUS);
    }
}
