package dev.pulse.bot.command;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads how long to snooze an alert: "7d", "2h", "30m", "1w", "3 days", "2 hours", "a week",
 * optionally after "for". Found at the end of a command, so the words before it stay the alert
 * reference.
 */
public final class DurationParser {

    /** A duration found at the end of a list of words, and how many words it took. */
    public record Suffix(Duration duration, int words) {}

    private static final Pattern COMPACT = Pattern.compile("(\\d{1,4}) ?([a-z]+)");
    private static final Pattern NUMBER = Pattern.compile("\\d{1,4}");

    private DurationParser() {}

    /** Parses one duration expression such as "7d" or "3 days". */
    public static Optional<Duration> parse(String expression) {
        List<String> words = List.of(expression.strip().split("\\s+"));
        return parseSuffix(words).filter(s -> s.words() == words.size()).map(Suffix::duration);
    }

    /** The duration the last one to three words (lower case) spell, if they spell one. */
    public static Optional<Suffix> parseSuffix(List<String> words) {
        int n = words.size();
        if (n >= 2) {
            Optional<Duration> two = amountAndUnit(words.get(n - 2), words.get(n - 1));
            if (two.isPresent()) {
                return Optional.of(withFor(words, n - 2, two.get()));
            }
        }
        if (n >= 1) {
            Matcher m = COMPACT.matcher(words.get(n - 1));
            if (m.matches()) {
                Optional<Duration> one = unit(Long.parseLong(m.group(1)), m.group(2));
                if (one.isPresent()) {
                    return Optional.of(withFor(words, n - 1, one.get()));
                }
            }
        }
        return Optional.empty();
    }

    private static Suffix withFor(List<String> words, int start, Duration duration) {
        boolean precededByFor = start > 0 && words.get(start - 1).equals("for");
        int taken = words.size() - start + (precededByFor ? 1 : 0);
        return new Suffix(duration, taken);
    }

    private static Optional<Duration> amountAndUnit(String amount, String unit) {
        long n;
        if (NUMBER.matcher(amount).matches()) {
            n = Long.parseLong(amount);
        } else if (amount.equals("a") || amount.equals("an") || amount.equals("one")) {
            n = 1;
        } else {
            return Optional.empty();
        }
        return unit(n, unit);
    }

    private static Optional<Duration> unit(long n, String unit) {
        return Optional.ofNullable(
                switch (unit) {
                    case "m", "min", "mins", "minute", "minutes" -> Duration.ofMinutes(n);
                    case "h", "hr", "hrs", "hour", "hours" -> Duration.ofHours(n);
                    case "d", "day", "days" -> Duration.ofDays(n);
                    case "w", "wk", "wks", "week", "weeks" -> Duration.ofDays(7 * n);
                    default -> null;
                });
    }
}
