package dev.pulse.bot.command;

import dev.pulse.access.segments.InvalidSegmentException;
import dev.pulse.access.segments.SegmentCriteria;
import dev.pulse.bot.command.BotCommand.Invalid;
import dev.pulse.bot.command.internal.Token;
import dev.pulse.topologies.health.Band;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What follows {@code save segment}: {@code <name>: <condition>, <condition>, …}, each condition
 * one of the {@link SegmentCriteria} fields in words. Conditions are separated by commas,
 * semicolons, or "and" before the next condition's word. Bounds count the number itself, as the
 * API's {@code scoreMax} and {@code arrMin} do. Whatever is not understood is refused naming that
 * part, so nothing is saved that the person did not mean.
 */
final class SegmentCriteriaParser {
    static final String EXAMPLE =
            "save segment Enterprise renewals: plan enterprise, renewal within 90 days, band at"
                    + " risk";

    static final String UNDERSTOOD =
            "plan <plan>, band <healthy|neutral|at risk>, at risk, owner <person>, team <team>,"
                    + " score below|above <n>, score between <n> and <m>, ARR above|below"
                    + " <amount>, renewal within <n> days|weeks, stage <stage>";

    /** The words a condition starts with; "and" before one of them starts the next. */
    private static final String[] HEADS = {
        "plan",
        "plans",
        "band",
        "bands",
        "at-risk",
        "atrisk",
        "not",
        "owner",
        "owners",
        "owned",
        "team",
        "teams",
        "score",
        "health",
        "arr",
        "revenue",
        "renewal",
        "renewals",
        "renewing",
        "renews",
        "renew",
        "stage",
        "stages",
        "journey",
        "lifecycle"
    };

    /** Words that may lead a condition without changing it ("with plan x", "whose score …"). */
    private static final String[] FILLERS = {
        "and", "with", "where", "whose", "that", "which", "who", "is", "are", "in", "on", "the",
        "its", "their"
    };

    private static final Pattern COMPARED = Pattern.compile("(<=|>=|≤|≥|<|>)(.+)");
    private static final Pattern RANGE = Pattern.compile("([^-]+)-([^-]+)");
    private static final Pattern SPAN = Pattern.compile("(\\d+)(d|days?|w|wks?|weeks?)");
    private static final Pattern AMOUNT =
            Pattern.compile("[$€£]?(\\d+(?:\\.\\d+)?)([km]?)", Pattern.CASE_INSENSITIVE);

    private SegmentCriteriaParser() {}

    /** {@code <name>: <conditions>}. */
    static BotCommand parseSave(List<Token> args) {
        int colon = -1;
        for (int i = 0; i < args.size(); i++) {
            if (args.get(i).isSeparator() && args.get(i).text().equals(":")) {
                colon = i;
                break;
            }
        }
        if (colon < 0) {
            return invalid("Give the segment a name, then a colon and which accounts it holds.");
        }
        List<Token> name = dropLeading(args.subList(0, colon), "named", "called");
        if (Token.text(name).isBlank()) {
            return invalid("Name the segment before the colon.");
        }
        List<Token> conditions = args.subList(colon + 1, args.size());
        try {
            return new BotCommand.SaveSegment(Token.text(name), criteria(conditions));
        } catch (Refused e) {
            return invalid(e.getMessage());
        }
    }

    /** {@code <name or id>}. */
    static BotCommand parseDelete(List<Token> args) {
        List<Token> rest = dropLeading(args, "named", "called", "the");
        while (!rest.isEmpty() && rest.get(rest.size() - 1).isSeparator()) {
            rest = rest.subList(0, rest.size() - 1);
        }
        if (rest.isEmpty()) {
            return new Invalid(
                    "segment",
                    "Which segment? Give its name exactly, or its id.",
                    "delete segment Enterprise renewals");
        }
        return new BotCommand.DeleteSegment(Token.text(rest));
    }

    private static SegmentCriteria criteria(List<Token> conditions) {
        List<List<Token>> clauses = clauses(conditions);
        if (clauses.isEmpty()) {
            throw new Refused(
                    "Which accounts does it hold? Add conditions after the colon: " + UNDERSTOOD);
        }
        Draft draft = new Draft();
        for (List<Token> clause : clauses) {
            condition(clause, draft);
        }
        try {
            return draft.criteria();
        } catch (InvalidSegmentException e) {
            throw new Refused("That does not fit: " + e.getMessage() + ".");
        }
    }

    /** Splits at separators, and at "and"/"with" when the next word starts a condition. */
    private static List<List<Token>> clauses(List<Token> tokens) {
        List<List<Token>> clauses = new ArrayList<>();
        List<Token> current = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            boolean joiner = t.is("and", "with", "where", "whose");
            if (t.isSeparator() || (joiner && i + 1 < tokens.size() && isHead(tokens, i + 1))) {
                addClause(clauses, current);
                current = new ArrayList<>();
            } else {
                current.add(t);
            }
        }
        addClause(clauses, current);
        return clauses;
    }

    private static void addClause(List<List<Token>> clauses, List<Token> clause) {
        List<Token> rest = dropLeading(clause, FILLERS);
        if (!rest.isEmpty()) {
            clauses.add(rest);
        }
    }

    private static boolean isHead(List<Token> tokens, int i) {
        Token t = tokens.get(i);
        return t.is(HEADS) || (t.is("at") && i + 1 < tokens.size() && tokens.get(i + 1).is("risk"));
    }

    private static void condition(List<Token> clause, Draft draft) {
        Token head = clause.get(0);
        List<Token> rest = dropLeading(clause.subList(1, clause.size()), "is", "are", "of", "=");
        if (isAtRisk(clause)) {
            draft.atRisk = set(draft.atRisk, true, clause);
        } else if (head.is("not") && isAtRisk(clause.subList(1, clause.size()))) {
            draft.atRisk = set(draft.atRisk, false, clause);
        } else if (head.is("plan", "plans")) {
            draft.plans.addAll(values(rest, clause));
        } else if (head.is("band", "bands")) {
            for (String band : values(rest, clause)) {
                draft.bands.add(band(band, clause));
            }
        } else if (head.is("owner", "owners", "owned")) {
            draft.owners.addAll(values(dropLeading(rest, "by"), clause));
        } else if (head.is("team", "teams")) {
            draft.teams.addAll(values(rest, clause));
        } else if (head.is("stage", "stages", "journey", "lifecycle")) {
            draft.stages.addAll(values(dropLeading(rest, "stage", "stages"), clause));
        } else if (head.is("score", "health")) {
            Double[] bounds = bounds(dropLeading(rest, "score"), clause, false);
            draft.scoreMin = set(draft.scoreMin, bounds[0], clause);
            draft.scoreMax = set(draft.scoreMax, bounds[1], clause);
        } else if (head.is("arr", "revenue")) {
            Double[] bounds = bounds(rest, clause, true);
            draft.arrMin = set(draft.arrMin, bounds[0], clause);
            draft.arrMax = set(draft.arrMax, bounds[1], clause);
        } else if (head.is("renewal", "renewals", "renewing", "renews", "renew")) {
            draft.renewalWithinDays = set(draft.renewalWithinDays, renewal(rest, clause), clause);
        } else {
            String text = Token.text(clause);
            String hint =
                    text.matches("\\d+")
                            ? " Write amounts without commas, as 100k or 100000."
                            : " I understand: " + UNDERSTOOD + ".";
            throw new Refused("I did not get “" + text + "” in those conditions." + hint);
        }
    }

    private static boolean isAtRisk(List<Token> clause) {
        List<String> keys = clause.stream().map(Token::key).toList();
        return keys.equals(List.of("at-risk"))
                || keys.equals(List.of("atrisk"))
                || keys.equals(List.of("at", "risk"));
    }

    /** "enterprise", "enterprise or pro", "enterprise/pro", "Enterprise Plus or Pro". */
    private static List<String> values(List<Token> tokens, List<Token> clause) {
        List<String> out = new ArrayList<>();
        List<String> words = new ArrayList<>();
        for (Token t : tokens) {
            if (t.is("or", "and")) {
                addValue(out, words);
                continue;
            }
            String[] parts =
                    t.kind() == Token.Kind.QUOTED
                            ? new String[] {t.text()}
                            : t.text().split("/", -1);
            for (int i = 0; i < parts.length; i++) {
                if (i > 0) {
                    addValue(out, words);
                }
                if (!parts[i].isBlank()) {
                    words.add(parts[i]);
                }
            }
        }
        addValue(out, words);
        if (out.isEmpty()) {
            throw new Refused(
                    "“"
                            + Token.text(clause)
                            + "” names no value, e.g. `"
                            + clause.get(0).text()
                            + " enterprise`.");
        }
        return out;
    }

    private static void addValue(List<String> out, List<String> words) {
        if (!words.isEmpty()) {
            out.add(String.join(" ", words));
            words.clear();
        }
    }

    private static Band band(String value, List<Token> clause) {
        String key = value.toLowerCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
        return switch (key) {
            case "healthy" -> Band.HEALTHY;
            case "neutral" -> Band.NEUTRAL;
            case "at_risk", "atrisk", "risky" -> Band.AT_RISK;
            default ->
                    throw new Refused(
                            "“"
                                    + value
                                    + "” in “"
                                    + Token.text(clause)
                                    + "” is not a band; say healthy, neutral or at risk.");
        };
    }

    /**
     * {@code [min, max]} from "below 40", "above 70", "at least 100k", "between 40 and 60", "<40",
     * "40-60"; either may be null.
     */
    private static Double[] bounds(List<Token> tokens, List<Token> clause, boolean money) {
        List<String> keys = tokens.stream().filter(t -> !t.isSeparator()).map(Token::key).toList();
        String example = money ? "ARR above 100k" : "score below 40";
        if (keys.isEmpty()) {
            throw new Refused(
                    "“" + Token.text(clause) + "” needs a number, e.g. `" + example + "`.");
        }
        String first = keys.get(0);
        if (keys.size() == 1) {
            Matcher compared = COMPARED.matcher(first);
            if (compared.matches()) {
                return bound(compared.group(1), number(compared.group(2), clause, money));
            }
            Matcher range = RANGE.matcher(first);
            if (range.matches()) {
                return new Double[] {
                    number(range.group(1), clause, money), number(range.group(2), clause, money)
                };
            }
        }
        if ((first.equals("between") || first.equals("from"))
                && keys.size() == 4
                && (keys.get(2).equals("and") || keys.get(2).equals("to"))) {
            return new Double[] {
                number(keys.get(1), clause, money), number(keys.get(3), clause, money)
            };
        }
        String number = keys.get(keys.size() - 1);
        String comparison = String.join(" ", keys.subList(0, keys.size() - 1));
        return switch (comparison) {
            case "below",
                    "under",
                    "less than",
                    "lower than",
                    "at most",
                    "up to",
                    "max",
                    "<=",
                    "≤" ->
                    bound("<", number(number, clause, money));
            case "above",
                    "over",
                    "more than",
                    "greater than",
                    "higher than",
                    "at least",
                    "min",
                    ">",
                    ">=",
                    "≥" ->
                    bound(">", number(number, clause, money));
            default ->
                    throw new Refused(
                            "I did not get “"
                                    + Token.text(clause)
                                    + "”; say below, above, at least, at most or between, e.g. `"
                                    + example
                                    + "`.");
        };
    }

    private static Double[] bound(String comparison, double value) {
        return comparison.startsWith("<") || comparison.equals("≤")
                ? new Double[] {null, value}
                : new Double[] {value, null};
    }

    private static double number(String text, List<Token> clause, boolean money) {
        Matcher amount = AMOUNT.matcher(text);
        if (amount.matches() && (money || amount.group(2).isEmpty())) {
            double value = Double.parseDouble(amount.group(1));
            String unit = amount.group(2).toLowerCase(Locale.ROOT);
            return unit.equals("k") ? value * 1_000 : unit.equals("m") ? value * 1_000_000 : value;
        }
        throw new Refused(
                "“"
                        + text
                        + "” in “"
                        + Token.text(clause)
                        + "” is not a number"
                        + (money
                                ? "; write amounts as 100k, 1.5m or 250000, without commas."
                                : "."));
    }

    /** "within 90 days", "in the next 12 weeks", "within 90d". */
    private static int renewal(List<Token> tokens, List<Token> clause) {
        List<String> keys =
                dropLeading(tokens, "date", "due", "within", "in", "the", "next", "is").stream()
                        .map(Token::key)
                        .toList();
        String span = String.join("", keys);
        Matcher matcher = SPAN.matcher(span);
        if (!matcher.matches()) {
            throw new Refused(
                    "I did not get “"
                            + Token.text(clause)
                            + "”; say renewal within 90 days or renewal within 12 weeks.");
        }
        long days = Long.parseLong(matcher.group(1)) * (matcher.group(2).startsWith("w") ? 7 : 1);
        if (days > SegmentCriteria.MAX_RENEWAL_DAYS) {
            throw new Refused(
                    "“"
                            + Token.text(clause)
                            + "” is too far ahead; renewals are looked for up to "
                            + SegmentCriteria.MAX_RENEWAL_DAYS
                            + " days.");
        }
        return (int) days;
    }

    /** The value, or refused when the clause's field was given already. */
    private static <T> T set(T old, T value, List<Token> clause) {
        if (value == null) {
            return old;
        }
        if (old != null) {
            throw new Refused(
                    "“" + Token.text(clause) + "” sets a condition given already; give it once.");
        }
        return value;
    }

    private static List<Token> dropLeading(List<Token> tokens, String... words) {
        int from = 0;
        while (from < tokens.size() && tokens.get(from).is(words)) {
            from++;
        }
        return tokens.subList(from, tokens.size());
    }

    private static Invalid invalid(String message) {
        return new Invalid("segment", message, EXAMPLE);
    }

    /** The conditions as read so far. */
    private static final class Draft {
        final List<String> plans = new ArrayList<>();
        final List<Band> bands = new ArrayList<>();
        final List<String> owners = new ArrayList<>();
        final List<String> teams = new ArrayList<>();
        final List<String> stages = new ArrayList<>();
        Boolean atRisk;
        Double scoreMin;
        Double scoreMax;
        Double arrMin;
        Double arrMax;
        Integer renewalWithinDays;

        SegmentCriteria criteria() {
            return new SegmentCriteria(
                    plans,
                    null,
                    owners,
                    teams,
                    bands,
                    atRisk,
                    scoreMin,
                    scoreMax,
                    null,
                    null,
                    null,
                    null,
                    arrMin,
                    arrMax,
                    renewalWithinDays,
                    stages,
                    null,
                    null);
        }
    }

    /** A part of the conditions that cannot be read; its message says which and how instead. */
    private static final class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Refused(String message) {
            super(message, null, false, false);
        }
    }
}
