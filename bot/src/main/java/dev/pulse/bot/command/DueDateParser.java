package dev.pulse.bot.command;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.MonthDay;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a follow-up's due date: an ISO date, "today", "tomorrow", a weekday ("friday": the next
 * one, today included), "next friday" (the next one after today), "next week" (its Monday), "end of
 * week" (Sunday), "end of month", "in 3 days", "in 2 weeks", or a day and month ("1 December", "Dec
 * 1": the next such day, today included).
 */
public final class DueDateParser {

    private static final Pattern ISO = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern IN = Pattern.compile("in (\\d{1,3}) (day|days|week|weeks)");
    private static final Pattern DAY_MONTH = Pattern.compile("(\\d{1,2})(?:st|nd|rd|th)? ([a-z]+)");
    private static final Pattern MONTH_DAY = Pattern.compile("([a-z]+) (\\d{1,2})(?:st|nd|rd|th)?");

    private DueDateParser() {}

    /** Parses a due-date expression (lower case, single spaces) relative to {@code today}. */
    public static Optional<LocalDate> parse(String expression, LocalDate today) {
        String text = expression.strip().replaceAll("\\s+", " ");
        try {
            return Optional.ofNullable(match(text, today));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    private static LocalDate match(String text, LocalDate today) {
        if (ISO.matcher(text).matches()) {
            return LocalDate.parse(text);
        }
        switch (text) {
            case "today", "eod", "end of day":
                return today;
            case "tomorrow":
                return today.plusDays(1);
            case "next week":
                return today.with(TemporalAdjusters.next(DayOfWeek.MONDAY));
            case "end of week", "end of the week", "eow":
                return today.with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY));
            case "end of month", "end of the month", "eom":
                return today.with(TemporalAdjusters.lastDayOfMonth());
            default:
                break;
        }
        Optional<DayOfWeek> weekday = weekday(text);
        if (weekday.isPresent()) {
            return today.with(TemporalAdjusters.nextOrSame(weekday.get()));
        }
        if (text.startsWith("next ")) {
            Optional<DayOfWeek> next = weekday(text.substring(5));
            if (next.isPresent()) {
                return today.with(TemporalAdjusters.next(next.get()));
            }
        }
        Matcher m;
        if ((m = IN.matcher(text)).matches()) {
            int n = Integer.parseInt(m.group(1));
            return m.group(2).startsWith("week") ? today.plusWeeks(n) : today.plusDays(n);
        }
        if ((m = DAY_MONTH.matcher(text)).matches()) {
            return dayOfMonth(Integer.parseInt(m.group(1)), m.group(2), today);
        }
        if ((m = MONTH_DAY.matcher(text)).matches()) {
            return dayOfMonth(Integer.parseInt(m.group(2)), m.group(1), today);
        }
        return null;
    }

    private static LocalDate dayOfMonth(int day, String monthWord, LocalDate today) {
        Optional<Month> month = DateRangeParser.monthNamed(monthWord);
        if (month.isEmpty()) {
            return null;
        }
        MonthDay monthDay = MonthDay.of(month.get(), day);
        LocalDate thisYear = monthDay.atYear(today.getYear());
        return thisYear.isBefore(today) ? monthDay.atYear(today.getYear() + 1) : thisYear;
    }

    private static Optional<DayOfWeek> weekday(String word) {
        if (word.length() < 3) {
            return Optional.empty();
        }
        for (DayOfWeek day : DayOfWeek.values()) {
            String name = day.name().toLowerCase(Locale.ROOT);
            if (name.equals(word) || (name.startsWith(word) && word.length() >= 3)) {
                return Optional.of(day);
            }
        }
        return Optional.empty();
    }
}
