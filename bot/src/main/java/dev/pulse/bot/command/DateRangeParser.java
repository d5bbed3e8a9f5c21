package dev.pulse.bot.command;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the date expressions of {@code summary}: "last month", "this quarter", "last 30 days",
 * "2026-10-01 to 2026-10-31", "October", "2026-10", "Q3 2026", "yesterday", relative to a given
 * today. Weeks start on Monday. Every range is cut off at the end of today, because a summary
 * cannot count days that have not happened: "this month" is the month so far.
 */
public final class DateRangeParser {

    /** The range {@code summary} covers when none is given. */
    public static final int DEFAULT_DAYS = 30;

    /** The result: a range, or why the text is not one. */
    public sealed interface Result {
        record Parsed(DateRange range) implements Result {}

        record Failed(String message) implements Result {}
    }

    private static final String ISO = "(\\d{4}-\\d{2}-\\d{2})";
    private static final Pattern BETWEEN =
            Pattern.compile(
                    "(?:from |between )?"
                            + ISO
                            + " ?(?:to|until|till|through|thru|and|-|–|—|\\.\\.) ?"
                            + ISO);
    private static final Pattern SINCE = Pattern.compile("(?:since|from) " + ISO);
    private static final Pattern DAY = Pattern.compile("(?:on )?" + ISO);
    private static final Pattern ROLLING =
            Pattern.compile("(?:last|past|previous) (\\d{1,5}) (day|days|week|weeks|month|months)");
    private static final Pattern CALENDAR =
            Pattern.compile("(this|current|last|previous) (week|month|quarter|year)");
    private static final Pattern YEAR_MONTH = Pattern.compile("(\\d{4})-(\\d{2})");
    private static final Pattern YEAR = Pattern.compile("(\\d{4})");
    private static final Pattern QUARTER =
            Pattern.compile("q([1-4])(?: (\\d{4}))?|(\\d{4})[- ]?q([1-4])");
    private static final Pattern MONTH_NAME = Pattern.compile("([a-z]+)(?: (\\d{4}))?");

    private DateRangeParser() {}

    /** The default range: the last {@value #DEFAULT_DAYS} days, today included. */
    public static DateRange defaultRange(LocalDate today) {
        return new DateRange(today.minusDays(DEFAULT_DAYS - 1L), today.plusDays(1));
    }

    /**
     * Parses a date expression (lower case, words separated by single spaces, as {@code Token.keys}
     * joins them).
     */
    public static Result parse(String expression, LocalDate today) {
        String text = expression.strip().replaceAll("\\s+", " ");
        try {
            Optional<DateRange> range = match(text, today);
            if (range.isEmpty()) {
                return new Result.Failed("I couldn't read “" + expression.strip() + "” as dates.");
            }
            return clip(range.get(), today);
        } catch (DateTimeException | ArithmeticException e) {
            return new Result.Failed("“" + expression.strip() + "” is not a valid date.");
        } catch (IllegalArgumentException e) {
            return new Result.Failed(e.getMessage());
        }
    }

    private static Optional<DateRange> match(String text, LocalDate today) {
        Matcher m;
        if ((m = BETWEEN.matcher(text)).matches()) {
            LocalDate from = LocalDate.parse(m.group(1));
            LocalDate to = LocalDate.parse(m.group(2));
            if (to.isBefore(from)) {
                throw new IllegalArgumentException(
                        "The range ends (" + to + ") before it starts (" + from + ").");
            }
            return Optional.of(new DateRange(from, to.plusDays(1)));
        }
        if ((m = SINCE.matcher(text)).matches()) {
            LocalDate from = LocalDate.parse(m.group(1));
            return from.isAfter(today)
                    ? Optional.of(DateRange.day(from))
                    : Optional.of(new DateRange(from, today.plusDays(1)));
        }
        if ((m = DAY.matcher(text)).matches()) {
            return Optional.of(DateRange.day(LocalDate.parse(m.group(1))));
        }
        if ((m = ROLLING.matcher(text)).matches()) {
            return rolling(Integer.parseInt(m.group(1)), m.group(2), today);
        }
        if ((m = CALENDAR.matcher(text)).matches()) {
            boolean previous = m.group(1).equals("last") || m.group(1).equals("previous");
            return Optional.of(calendar(m.group(2), previous, today));
        }
        switch (text) {
            case "today":
                return Optional.of(DateRange.day(today));
            case "yesterday":
                return Optional.of(DateRange.day(today.minusDays(1)));
            case "week to date", "wtd":
                return Optional.of(calendar("week", false, today));
            case "month to date", "mtd":
                return Optional.of(calendar("month", false, today));
            case "quarter to date", "qtd":
                return Optional.of(calendar("quarter", false, today));
            case "year to date", "ytd":
                return Optional.of(calendar("year", false, today));
            default:
                break;
        }
        if ((m = YEAR_MONTH.matcher(text)).matches()) {
            return Optional.of(month(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))));
        }
        if ((m = YEAR.matcher(text)).matches()) {
            LocalDate first = LocalDate.of(Integer.parseInt(m.group(1)), 1, 1);
            return Optional.of(new DateRange(first, first.plusYears(1)));
        }
        if ((m = QUARTER.matcher(text)).matches()) {
            int quarter = Integer.parseInt(m.group(1) != null ? m.group(1) : m.group(4));
            String year = m.group(1) != null ? m.group(2) : m.group(3);
            return Optional.of(quarter(quarter, year, today));
        }
        if ((m = MONTH_NAME.matcher(text)).matches()) {
            Optional<Month> month = monthNamed(m.group(1));
            if (month.isPresent()) {
                int year =
                        m.group(2) != null
                                ? Integer.parseInt(m.group(2))
                                : mostRecentYear(month.get().getValue(), today);
                return Optional.of(month(year, month.get().getValue()));
            }
        }
        return Optional.empty();
    }

    private static Optional<DateRange> rolling(int n, String unit, LocalDate today) {
        if (n < 1) {
            return Optional.empty();
        }
        LocalDate end = today.plusDays(1);
        LocalDate start =
                switch (unit) {
                    case "day", "days" -> end.minusDays(n);
                    case "week", "weeks" -> end.minusWeeks(n);
                    default -> end.minusMonths(n);
                };
        return Optional.of(new DateRange(start, end));
    }

    private static DateRange calendar(String unit, boolean previous, LocalDate today) {
        LocalDate start =
                switch (unit) {
                    case "week" -> today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
                    case "month" -> today.withDayOfMonth(1);
                    case "quarter" -> quarterStart(today);
                    default -> today.withDayOfYear(1);
                };
        LocalDate next =
                switch (unit) {
                    case "week" -> start.plusWeeks(1);
                    case "month" -> start.plusMonths(1);
                    case "quarter" -> start.plusMonths(3);
                    default -> start.plusYears(1);
                };
        if (!previous) {
            return new DateRange(start, next);
        }
        LocalDate before =
                switch (unit) {
                    case "week" -> start.minusWeeks(1);
                    case "month" -> start.minusMonths(1);
                    case "quarter" -> start.minusMonths(3);
                    default -> start.minusYears(1);
                };
        return new DateRange(before, start);
    }

    private static LocalDate quarterStart(LocalDate day) {
        int firstMonth = (day.getMonthValue() - 1) / 3 * 3 + 1;
        return LocalDate.of(day.getYear(), firstMonth, 1);
    }

    private static DateRange quarter(int quarter, String year, LocalDate today) {
        int y;
        if (year != null) {
            y = Integer.parseInt(year);
        } else {
            // Without a year, the most recent such quarter that has started.
            int current = (today.getMonthValue() - 1) / 3 + 1;
            y = quarter <= current ? today.getYear() : today.getYear() - 1;
        }
        LocalDate start = LocalDate.of(y, (quarter - 1) * 3 + 1, 1);
        return new DateRange(start, start.plusMonths(3));
    }

    private static DateRange month(int year, int month) {
        LocalDate first = LocalDate.of(year, month, 1);
        return new DateRange(first, first.plusMonths(1));
    }

    /** Without a year, a month name means its most recent occurrence that has started. */
    private static int mostRecentYear(int month, LocalDate today) {
        return month <= today.getMonthValue() ? today.getYear() : today.getYear() - 1;
    }

    static Optional<Month> monthNamed(String word) {
        if (word.length() < 3) {
            return Optional.empty();
        }
        for (Month month : Month.values()) {
            String name = month.name().toLowerCase(Locale.ROOT);
            if (name.equals(word)
                    || (name.startsWith(word) && word.length() >= 3)
                    || (word.equals("sept") && month == Month.SEPTEMBER)) {
                return Optional.of(month);
            }
        }
        return Optional.empty();
    }

    private static Result clip(DateRange range, LocalDate today) {
        LocalDate end = today.plusDays(1);
        if (!range.fromInclusive().isBefore(end)) {
            return new Result.Failed(
                    "That range starts after today; a summary can only look back.");
        }
        if (range.toExclusive().isAfter(end)) {
            return new Result.Parsed(new DateRange(range.fromInclusive(), end));
        }
        return new Result.Parsed(range);
    }
}
