package dev.pulse.bot.command;

import dev.pulse.bot.command.BotCommand.AccountStatus;
import dev.pulse.bot.command.BotCommand.AckAlert;
import dev.pulse.bot.command.BotCommand.AtRisk;
import dev.pulse.bot.command.BotCommand.FollowUp;
import dev.pulse.bot.command.BotCommand.FunnelStall;
import dev.pulse.bot.command.BotCommand.Help;
import dev.pulse.bot.command.BotCommand.Invalid;
import dev.pulse.bot.command.BotCommand.ListAlerts;
import dev.pulse.bot.command.BotCommand.ListSegments;
import dev.pulse.bot.command.BotCommand.Portfolio;
import dev.pulse.bot.command.BotCommand.Report;
import dev.pulse.bot.command.BotCommand.ResolveAlert;
import dev.pulse.bot.command.BotCommand.SegmentStatus;
import dev.pulse.bot.command.BotCommand.SnoozeAlert;
import dev.pulse.bot.command.BotCommand.Summary;
import dev.pulse.bot.command.BotCommand.TooLong;
import dev.pulse.bot.command.BotCommand.Unknown;
import dev.pulse.bot.command.internal.InputNormalizer;
import dev.pulse.bot.command.internal.Token;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.apache.commons.text.similarity.LevenshteinDistance;

/**
 * Parses a chat message into a {@link BotCommand}. The grammar is small and fixed: a command word
 * (or phrase) first, then its arguments; see {@code docs/bot.md}. It never throws: any input,
 * however long or strange, gives a command, and a message that is not one gives {@link Unknown}
 * with the closest command word.
 *
 * <p>Relative dates ("last month", "due friday") are read in the given zone on the clock's today,
 * so a chat message means the same day the person sees on their calendar.
 */
public final class CommandParser {

    /** Longer messages are not commands; they are answered with {@link TooLong}. */
    public static final int MAX_LENGTH = 500;

    /** The longest snooze: past this, resolve the alert or change the rule. */
    public static final Duration MAX_SNOOZE = Duration.ofDays(90);

    /**
     * The words that name an alert rule at the end of an ack/snooze/resolve ("ack Acme silence"):
     * the rule ids of {@code config/alert-rules.yaml} and what people call them.
     */
    public static final Set<String> DEFAULT_RULE_WORDS =
            Set.of(
                    "health-drop",
                    "score-drop",
                    "usage-drop",
                    "gone-silent",
                    "silence",
                    "silent",
                    "renewal-at-risk",
                    "renewal",
                    "support-spike",
                    "support",
                    "expansion-signal",
                    "expansion",
                    "upsell",
                    "usage",
                    "score");

    /** The command words, for "did you mean …?" and help. */
    static final List<String> COMMAND_WORDS =
            List.of(
                    "at-risk",
                    "status",
                    "portfolio",
                    "summary",
                    "alerts",
                    "ack",
                    "snooze",
                    "resolve",
                    "follow-up",
                    "report",
                    "segment",
                    "segments",
                    "funnel",
                    "help");

    private static final Pattern POSSESSIVE = Pattern.compile("['’][sS]$");

    private static final LevenshteinDistance DISTANCE = new LevenshteinDistance(3);

    private final Clock clock;
    private final ZoneId zone;
    private final Set<String> ruleWords;

    public CommandParser(Clock clock, ZoneId zone) {
        this(clock, zone, DEFAULT_RULE_WORDS);
    }

    public CommandParser(Clock clock, ZoneId zone, Set<String> ruleWords) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.zone = Objects.requireNonNull(zone, "zone");
        this.ruleWords = Set.copyOf(ruleWords);
    }

    /** Parses a message; never throws and never returns null. */
    public BotCommand parse(String input) {
        try {
            return parseStrict(input);
        } catch (RuntimeException e) {
            // A bug here must not leave the person without an answer; tests call parseStrict.
            return new Unknown(input == null ? "" : abbreviate(input), Optional.of("help"));
        }
    }

    /** {@link #parse} without the last-resort guard, so tests see any exception. */
    BotCommand parseStrict(String input) {
        if (input == null) {
            return new Unknown("", Optional.of("help"));
        }
        String trimmed = input.strip();
        if (trimmed.length() > MAX_LENGTH) {
            return new TooLong(trimmed.length(), MAX_LENGTH);
        }
        String sanitized = InputNormalizer.sanitize(trimmed);
        List<Token> tokens = InputNormalizer.tokens(sanitized);
        if (tokens.isEmpty()) {
            return sanitized.contains("?")
                    ? new Help(Optional.empty())
                    : new Unknown(sanitized, Optional.of("help"));
        }
        LocalDate today = LocalDate.now(clock.withZone(zone));
        BotCommand command = new Grammar(tokens, today).command();
        return command != null ? command : unknown(sanitized, tokens);
    }

    private Unknown unknown(String sanitized, List<Token> tokens) {
        String first = tokens.get(0).key();
        String firstTwo = tokens.size() > 1 ? first + "-" + tokens.get(1).key() : first;
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String word : COMMAND_WORDS) {
            for (String candidate : List.of(first, firstTwo)) {
                int d = DISTANCE.apply(candidate, word);
                if (d >= 0 && d <= allowedTypos(word) && d < bestDistance) {
                    best = word;
                    bestDistance = d;
                }
            }
        }
        return new Unknown(sanitized, Optional.ofNullable(best));
    }

    private static int allowedTypos(String word) {
        return word.length() <= 4 ? 1 : word.length() <= 8 ? 2 : 3;
    }

    private static String abbreviate(String s) {
        return s.length() <= MAX_LENGTH ? s : s.substring(0, MAX_LENGTH) + "…";
    }

    /** One message being parsed: its tokens, and one method per command. */
    private final class Grammar {
        private final List<Token> tokens;
        private final LocalDate today;

        Grammar(List<Token> tokens, LocalDate today) {
            this.tokens = tokens;
            this.today = today;
        }

        /** The command, or null when the message is none. */
        BotCommand command() {
            Token first = tokens.get(0);
            if (first.is("help", "commands", "command", "usage", "?")) {
                return help(rest(1));
            }
            int atRisk = atRiskHead();
            if (atRisk > 0) {
                return atRisk(rest(atRisk));
            }
            if (first.is("how", "how's", "hows")) {
                return howIs(rest(1));
            }
            if (first.is("segments")) {
                return new ListSegments();
            }
            int save = segmentHead("save", "create", "new", "add", "define");
            if (save > 0) {
                return SegmentCriteriaParser.parseSave(rest(save));
            }
            int delete = segmentHead("delete", "remove", "drop");
            if (delete > 0) {
                return SegmentCriteriaParser.parseDelete(rest(delete));
            }
            if (first.is("segment")) {
                return segment(rest(1));
            }
            if (first.is("where")) {
                return whereStall(rest(1));
            }
            if (first.is("funnel", "funnels", "adoption", "stall", "stalls")) {
                return funnel(rest(1));
            }
            if (first.is("status", "account", "health")) {
                return status(first.key(), rest(1));
            }
            if (first.is("portfolio")) {
                return portfolio(rest(1));
            }
            if (first.is("summary", "summarize", "summarise", "recap")) {
                return summary(rest(1));
            }
            if (first.is("alerts", "alert")) {
                return alerts(rest(1), Optional.empty());
            }
            if (tokens.size() >= 2 && tokens.get(1).is("alerts", "alert")) {
                Optional<AlertFilter> filter = AlertFilter.fromWord(first.key());
                if (filter.isPresent() && first.kind() == Token.Kind.WORD) {
                    return alerts(rest(2), filter);
                }
            }
            if (first.is("ack", "acknowledge")) {
                return alertRef("ack", rest(1)).map(this::ack).orElseGet(this::ackMissing);
            }
            if (first.is("resolve")) {
                return alertRef("resolve", rest(1))
                        .<BotCommand>map(ResolveAlert::new)
                        .orElseGet(() -> missingAlert("resolve", "resolve acme/gone-silent"));
            }
            if (first.is("snooze", "mute")) {
                return snooze(rest(1));
            }
            if (first.is("follow-up", "followup", "follow-ups", "todo")) {
                return followUp(rest(1));
            }
            if (first.is("follow") && tokens.size() >= 2 && tokens.get(1).is("up")) {
                return followUp(rest(2));
            }
            if (first.is("report", "export")) {
                return report(rest(1));
            }
            return null;
        }

        private List<Token> rest(int from) {
            return tokens.subList(Math.min(from, tokens.size()), tokens.size());
        }

        /** How many words "save segment", "create a new segment" … take; 0 for none. */
        private int segmentHead(String... verbs) {
            if (!tokens.get(0).is(verbs)) {
                return 0;
            }
            int at = 1;
            while (at < tokens.size() && tokens.get(at).is("a", "an", "the", "new")) {
                at++;
            }
            return at < tokens.size() && tokens.get(at).is("segment") ? at + 1 : 0;
        }

        private int atRiskHead() {
            Token first = tokens.get(0);
            if (first.is("at-risk", "atrisk", "risky")) {
                return 1;
            }
            if (first.is("at") && tokens.size() >= 2 && tokens.get(1).is("risk")) {
                return 2;
            }
            return 0;
        }

        // --- help --------------------------------------------------------------------------

        private BotCommand help(List<Token> args) {
            for (Token t : args) {
                Optional<HelpTopic> topic = HelpTopic.fromWord(t.key());
                if (topic.isPresent()) {
                    return new Help(topic);
                }
            }
            return new Help(Optional.empty());
        }

        // --- at-risk, portfolio ------------------------------------------------------------

        private BotCommand atRisk(List<Token> args) {
            List<Token> rest = dropLeading(args, "accounts", "account", "customers", "clients");
            return scope(rest, "at-risk", "at-risk accounts for Sarah").then(AtRisk::new);
        }

        private BotCommand portfolio(List<Token> args) {
            return scope(args, "portfolio", "portfolio for Sarah").then(Portfolio::new);
        }

        /**
         * "", "for me", "for Sarah", "for sarah@x", "for team Priya", "for Priya's team", "for my
         * team".
         */
        private ScopeResult scope(List<Token> args, String command, String example) {
            if (args.isEmpty()) {
                return ScopeResult.ok(new OwnerScope.Mine());
            }
            List<Token> rest = args;
            if (rest.get(0).is("for", "of", "owned")) {
                rest = dropLeading(rest.subList(1, rest.size()), "by");
            } else if (rest.get(0).is("by")) {
                rest = rest.subList(1, rest.size());
            }
            rest = dropTrailingSeparators(rest);
            if (rest.isEmpty()) {
                return ScopeResult.error(
                        new Invalid(command, "Whose? Name a person or a team.", example));
            }
            if (rest.size() == 1 && rest.get(0).is("me", "myself", "mine", "i")) {
                return ScopeResult.ok(new OwnerScope.Mine());
            }
            if (rest.size() == 2 && rest.get(0).is("my") && rest.get(1).is("team")) {
                return ScopeResult.ok(new OwnerScope.MyTeam());
            }
            if (rest.get(0).is("team")) {
                List<Token> who = dropLeading(rest.subList(1, rest.size()), "of");
                return who.isEmpty()
                        ? ScopeResult.error(
                                new Invalid(
                                        command,
                                        "Whose team? Name the person who leads it.",
                                        command + " for team Priya"))
                        : ScopeResult.ok(new OwnerScope.Team(Token.text(who)));
            }
            Token last = rest.get(rest.size() - 1);
            if (rest.size() >= 2 && last.is("team")) {
                List<Token> who = rest.subList(0, rest.size() - 1);
                return ScopeResult.ok(new OwnerScope.Team(withoutPossessive(Token.text(who))));
            }
            return ScopeResult.ok(new OwnerScope.Owner(Token.text(rest)));
        }

        // --- account status ----------------------------------------------------------------

        private BotCommand howIs(List<Token> args) {
            List<Token> rest = dropLeading(args, "is", "are", "'s", "s", "about");
            rest = dropTrailing(rest, "doing", "going", "looking", "today", "lately", "now");
            rest = dropTrailingSeparators(rest);
            if (!rest.isEmpty() && rest.get(rest.size() - 1).is("segment")) {
                return segment(rest.subList(0, rest.size() - 1));
            }
            return accountStatus(rest, "how is Acme doing");
        }

        // --- segments and funnels ----------------------------------------------------------

        /** "Enterprise", "the enterprise", "named Enterprise at risk". */
        private BotCommand segment(List<Token> args) {
            List<Token> rest = dropLeading(args, "the", "named", "called", "status", "of", "for");
            rest = dropTrailing(dropTrailingSeparators(rest), "doing", "segment");
            rest = dropTrailingSeparators(rest);
            if (rest.isEmpty()) {
                return new Invalid(
                        "segment",
                        "Which segment? Name one, or say `segments`.",
                        "segment Enterprise");
            }
            return new SegmentStatus(Token.text(rest));
        }

        /**
         * "where do Acme's users stall", "where are Acme users stuck", "where does Acme drop off";
         * null (not a command) without a word for stalling.
         */
        private BotCommand whereStall(List<Token> args) {
            List<Token> rest = dropTrailingSeparators(dropLeading(args, "do", "does", "are", "is"));
            List<Token> withoutStall =
                    dropTrailing(
                            rest,
                            "stall",
                            "stalls",
                            "stuck",
                            "stalling",
                            "drop",
                            "drops",
                            "off",
                            "get",
                            "getting");
            if (withoutStall.size() == rest.size()) {
                return null;
            }
            return funnelStall(
                    dropTrailing(withoutStall, "users", "user", "people", "customers", "teams"));
        }

        /** "funnel Acme", "adoption for Acme". */
        private BotCommand funnel(List<Token> args) {
            return funnelStall(dropLeading(args, "for", "of", "on", "at"));
        }

        private BotCommand funnelStall(List<Token> args) {
            List<Token> rest = dropTrailingSeparators(args);
            if (rest.isEmpty()) {
                return new Invalid("funnel", "Which account?", "where do Acme's users stall");
            }
            return new FunnelStall(withoutPossessive(Token.text(rest)));
        }

        private BotCommand status(String word, List<Token> args) {
            List<Token> rest = dropLeading(args, "of", "for", "on");
            if (word.equals("account")) {
                rest = dropLeading(rest, "status");
            }
            return accountStatus(rest, "status Acme Corp");
        }

        private BotCommand accountStatus(List<Token> args, String example) {
            List<Token> rest = dropTrailingSeparators(args);
            if (rest.isEmpty()) {
                return new Invalid("status", "Which account?", example);
            }
            if (rest.get(rest.size() - 1).is("portfolio")
                    && (rest.size() == 1 || (rest.size() == 2 && rest.get(0).is("my")))) {
                return new Portfolio(new OwnerScope.Mine());
            }
            return new AccountStatus(withoutPossessive(Token.text(rest)));
        }

        // --- summary -----------------------------------------------------------------------

        private BotCommand summary(List<Token> args) {
            List<Token> rest = dropLeading(args, "for", "of", "over", "in", "during");
            rest = dropTrailingSeparators(rest);
            if (rest.isEmpty()) {
                return new Summary(DateRangeParser.defaultRange(today));
            }
            DateRangeParser.Result result = DateRangeParser.parse(Token.keys(rest), today);
            if (result instanceof DateRangeParser.Result.Parsed parsed) {
                return new Summary(parsed.range());
            }
            String message = ((DateRangeParser.Result.Failed) result).message();
            return new Invalid(
                    "summary",
                    message
                            + " Try last month, this quarter, last 30 days, October, or"
                            + " 2026-10-01 to 2026-10-31.",
                    "summary last month");
        }

        // --- alerts ------------------------------------------------------------------------

        private BotCommand alerts(List<Token> args, Optional<AlertFilter> filter) {
            List<Token> rest = dropTrailingSeparators(args);
            rest = dropTrailing(rest, "only");
            if (rest.size() >= 2 && rest.get(0).is("for") && rest.get(1).is("me")) {
                rest = rest.subList(2, rest.size());
            }
            if (rest.isEmpty()) {
                return new ListAlerts(filter);
            }
            if (rest.size() == 1 && filter.isEmpty()) {
                Optional<AlertFilter> after = AlertFilter.fromWord(rest.get(0).key());
                if (after.isPresent()) {
                    return new ListAlerts(after);
                }
            }
            return new Invalid(
                    "alerts",
                    "I can list alerts by state: firing, pending, acknowledged, snoozed or"
                            + " resolved.",
                    "firing alerts");
        }

        private Optional<AlertRef> alertRef(String command, List<Token> args) {
            List<Token> rest = dropLeading(args, "alert", "the");
            rest = dropTrailing(dropTrailingSeparators(rest), "alert");
            rest = dropTrailingSeparators(rest);
            if (rest.isEmpty()) {
                return Optional.empty();
            }
            if (rest.size() == 1 && rest.get(0).kind() == Token.Kind.WORD) {
                String text = rest.get(0).text();
                int slash = text.indexOf('/');
                if (slash > 0 && slash < text.length() - 1) {
                    return Optional.of(
                            new AlertRef.Id(text.substring(0, slash), text.substring(slash + 1)));
                }
            }
            Token last = rest.get(rest.size() - 1);
            if (rest.size() >= 2
                    && last.kind() == Token.Kind.WORD
                    && ruleWords.contains(last.key())) {
                List<Token> account = dropTrailingSeparators(rest.subList(0, rest.size() - 1));
                if (!account.isEmpty()) {
                    return Optional.of(
                            new AlertRef.ByAccount(
                                    withoutPossessive(Token.text(account)),
                                    Optional.of(last.key())));
                }
            }
            return Optional.of(
                    new AlertRef.ByAccount(withoutPossessive(Token.text(rest)), Optional.empty()));
        }

        private BotCommand ack(AlertRef ref) {
            return new AckAlert(ref);
        }

        private BotCommand ackMissing() {
            return missingAlert("ack", "ack acme/gone-silent");
        }

        private BotCommand missingAlert(String command, String example) {
            return new Invalid(
                    command,
                    "Which alert? Give its id (tenant/rule) or the account name.",
                    example);
        }

        private BotCommand snooze(List<Token> args) {
            List<Token> rest = dropTrailingSeparators(args);
            List<String> keys = rest.stream().map(Token::key).toList();
            Optional<DurationParser.Suffix> suffix = DurationParser.parseSuffix(keys);
            String example = "snooze Acme gone-silent 7d";
            if (suffix.isEmpty()) {
                return new Invalid(
                        "snooze",
                        "For how long? Add a duration such as 2h, 1d, 7d or 1 week.",
                        example);
            }
            Duration duration = suffix.get().duration();
            if (duration.isZero() || duration.compareTo(MAX_SNOOZE) > 0) {
                return new Invalid(
                        "snooze",
                        "A snooze lasts from a minute to "
                                + MAX_SNOOZE.toDays()
                                + " days; to stop an alert for good, resolve it.",
                        example);
            }
            List<Token> ref = rest.subList(0, rest.size() - suffix.get().words());
            return alertRef("snooze", ref)
                    .<BotCommand>map(r -> new SnoozeAlert(r, duration))
                    .orElseGet(() -> missingAlert("snooze", example));
        }

        // --- follow-up ---------------------------------------------------------------------

        private BotCommand followUp(List<Token> args) {
            String example = "follow-up Acme: call the champion by 2026-12-01";
            List<Token> rest = dropLeading(args, "on", "for", "with", "about", "to");
            rest = dropTrailingSeparators(rest);
            while (!rest.isEmpty() && rest.get(0).isSeparator()) {
                rest = rest.subList(1, rest.size());
            }
            if (rest.isEmpty()) {
                return new Invalid("follow-up", "On which account, and what?", example);
            }
            int split = indexOfSeparator(rest);
            List<Token> account;
            List<Token> title;
            if (split >= 0) {
                account = rest.subList(0, split);
                title = rest.subList(split + 1, rest.size());
            } else {
                account = rest.subList(0, 1);
                title = rest.subList(1, rest.size());
            }
            if (account.isEmpty()) {
                return new Invalid("follow-up", "On which account?", example);
            }
            Optional<LocalDate> due = Optional.empty();
            for (int i = title.size() - 1; i >= 0; i--) {
                Token t = title.get(i);
                if (!t.is("by", "due", "before", "until")) {
                    continue;
                }
                List<Token> when = dropLeading(title.subList(i + 1, title.size()), "by", "on");
                Optional<LocalDate> date = DueDateParser.parse(Token.keys(when), today);
                if (date.isPresent()) {
                    due = date;
                    title = dropTrailing(dropTrailingSeparators(title.subList(0, i)), "due");
                    title = dropTrailingSeparators(title);
                    break;
                }
                if (t.is("due") && !when.isEmpty()) {
                    return new Invalid(
                            "follow-up",
                            "I couldn't read “"
                                    + Token.text(when)
                                    + "” as a due date. Use a date (2026-12-01), a weekday,"
                                    + " tomorrow or next week.",
                            example);
                }
            }
            if (due.isPresent() && due.get().isBefore(today)) {
                return new Invalid(
                        "follow-up", "The due date " + due.get() + " is in the past.", example);
            }
            title = dropLeading(title, "to");
            if (Token.text(title).isBlank()) {
                return new Invalid("follow-up", "What should the follow-up say?", example);
            }
            return new FollowUp(withoutPossessive(Token.text(account)), Token.text(title), due);
        }

        // --- report ------------------------------------------------------------------------

        private BotCommand report(List<Token> args) {
            if (args.size() == 1 && args.get(0).is("schedules")) {
                return new BotCommand.ListSchedules();
            }
            if (!args.isEmpty() && args.get(0).is("cancel", "unschedule")) {
                return args.size() == 2
                        ? new BotCommand.CancelSchedule(args.get(1).text())
                        : new Invalid(
                                "report",
                                "Which schedule? `report schedules` lists them with their ids.",
                                "report cancel rs-1a2b3c4d5e6f");
            }
            if (!args.isEmpty() && args.get(0).is("schedule")) {
                return ScheduleParser.parse(args.subList(1, args.size()));
            }
            String example = "report Acme pdf";
            List<Token> rest = dropTrailingSeparators(args);
            ReportFormat format = ReportFormat.PDF;
            if (!rest.isEmpty()) {
                Token last = rest.get(rest.size() - 1);
                Optional<ReportFormat> f = format(last);
                if (f.isPresent()) {
                    format = f.get();
                    rest = dropTrailing(rest.subList(0, rest.size() - 1), "as", "in");
                } else if (last.is("xlsx", "xls", "excel", "json", "docx", "word", "html")) {
                    return new Invalid("report", "Reports come as pdf or csv.", "report Acme csv");
                }
            }
            if (!rest.isEmpty()) {
                Optional<ReportFormat> f = format(rest.get(0));
                if (f.isPresent()) {
                    format = f.get();
                    rest = rest.subList(1, rest.size());
                }
            }
            rest = dropLeading(rest, "for", "on", "of", "about");
            rest = dropTrailingSeparators(rest);
            if (rest.isEmpty()) {
                return new Invalid("report", "On which account? Or say report portfolio.", example);
            }
            int portfolio = rest.get(0).is("portfolio") ? 1 : 0;
            if (rest.size() >= 2 && rest.get(0).is("my") && rest.get(1).is("portfolio")) {
                portfolio = 2;
            }
            if (portfolio > 0) {
                ReportFormat chosen = format;
                return scope(rest.subList(portfolio, rest.size()), "report", "report portfolio csv")
                        .then(s -> new Report(new ReportTarget.Portfolio(s), chosen));
            }
            return new Report(
                    new ReportTarget.Account(withoutPossessive(Token.text(rest))), format);
        }

        private Optional<ReportFormat> format(Token t) {
            if (t.is("pdf")) {
                return Optional.of(ReportFormat.PDF);
            }
            if (t.is("csv")) {
                return Optional.of(ReportFormat.CSV);
            }
            return Optional.empty();
        }
    }

    // --- token-list helpers ------------------------------------------------------------------

    private static List<Token> dropLeading(List<Token> tokens, String... words) {
        int from = 0;
        while (from < tokens.size()
                && (tokens.get(from).is(words) || tokens.get(from).isSeparator())) {
            from++;
        }
        return tokens.subList(from, tokens.size());
    }

    private static List<Token> dropTrailing(List<Token> tokens, String... words) {
        int to = tokens.size();
        while (to > 0 && tokens.get(to - 1).is(words)) {
            to--;
        }
        return tokens.subList(0, to);
    }

    private static List<Token> dropTrailingSeparators(List<Token> tokens) {
        int to = tokens.size();
        while (to > 0 && tokens.get(to - 1).isSeparator()) {
            to--;
        }
        return tokens.subList(0, to);
    }

    private static int indexOfSeparator(List<Token> tokens) {
        for (int i = 0; i < tokens.size(); i++) {
            if (tokens.get(i).isSeparator()) {
                return i;
            }
        }
        return -1;
    }

    /** "Priya's" → "Priya"; "Acme’s" → "Acme". */
    private static String withoutPossessive(String name) {
        if (name.length() > 2 && POSSESSIVE.matcher(name).find()) {
            return name.substring(0, name.length() - 2);
        }
        return name;
    }

    /** An owner scope, or the {@link Invalid} that says why there is none. */
    private record ScopeResult(OwnerScope scope, Invalid invalid) {
        static ScopeResult ok(OwnerScope scope) {
            return new ScopeResult(scope, null);
        }

        static ScopeResult error(Invalid invalid) {
            return new ScopeResult(null, invalid);
        }

        BotCommand then(Function<OwnerScope, BotCommand> command) {
            return invalid != null ? invalid : command.apply(scope);
        }
    }
}
