package dev.pulse.bot.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DateRangeParserTest {

    private static DateRange parse(String expression, String today) {
        DateRangeParser.Result result = DateRangeParser.parse(expression, LocalDate.parse(today));
        assertThat(result).as(expression).isInstanceOf(DateRangeParser.Result.Parsed.class);
        return ((DateRangeParser.Result.Parsed) result).range();
    }

    private static void assertRange(
            String expression, String today, String fromInclusive, String toExclusive) {
        DateRange range = parse(expression, today);
        assertThat(range)
                .as("%s on %s", expression, today)
                .isEqualTo(
                        new DateRange(
                                LocalDate.parse(fromInclusive), LocalDate.parse(toExclusive)));
    }

    @ParameterizedTest(name = "{0} on {1} is [{2}, {3})")
    @CsvSource({
        // month boundaries: the previous month of January is last year's December
        "last month,     2027-01-01, 2026-12-01, 2027-01-01",
        "last month,     2026-03-31, 2026-02-01, 2026-03-01",
        "this month,     2026-03-01, 2026-03-01, 2026-03-02",
        "this month,     2026-12-31, 2026-12-01, 2027-01-01",
        // quarter boundaries
        "last quarter,   2027-01-15, 2026-10-01, 2027-01-01",
        "last quarter,   2026-04-01, 2026-01-01, 2026-04-01",
        "this quarter,   2026-06-30, 2026-04-01, 2026-07-01",
        "this quarter,   2026-07-01, 2026-07-01, 2026-07-02",
        // year boundaries
        "last year,      2027-01-01, 2026-01-01, 2027-01-01",
        "this year,      2027-01-01, 2027-01-01, 2027-01-02",
        "yesterday,      2027-01-01, 2026-12-31, 2027-01-01",
        "last 7 days,    2027-01-03, 2026-12-28, 2027-01-04",
        // leap years: February 2028 has 29 days, February 2026 has 28
        "last month,     2028-03-10, 2028-02-01, 2028-03-01",
        "last month,     2026-03-10, 2026-02-01, 2026-03-01",
        "2024-02,        2026-11-21, 2024-02-01, 2024-03-01",
        "february 2100,  2200-01-01, 2100-02-01, 2100-03-01",
        "2028-02-29,     2028-03-01, 2028-02-29, 2028-03-01",
        "last 30 days,   2028-03-10, 2028-02-10, 2028-03-11",
        "last 1 month,   2028-03-31, 2028-03-01, 2028-04-01",
        "last 1 month,   2026-03-31, 2026-03-01, 2026-04-01",
        // weeks start on Monday; a Monday's week so far is that day, a Sunday's is seven days
        "this week,      2026-11-16, 2026-11-16, 2026-11-17",
        "this week,      2026-11-22, 2026-11-16, 2026-11-23",
        "last week,      2026-11-16, 2026-11-09, 2026-11-16",
        "last week,      2026-11-22, 2026-11-09, 2026-11-16",
        "last week,      2027-01-01, 2026-12-21, 2026-12-28",
        "last 2 weeks,   2026-11-22, 2026-11-09, 2026-11-23",
        // named periods without a year: the most recent one that has begun
        "october,        2026-11-21, 2026-10-01, 2026-11-01",
        "oct,            2026-11-21, 2026-10-01, 2026-11-01",
        "november,       2026-11-21, 2026-11-01, 2026-11-22",
        "december,       2026-11-21, 2025-12-01, 2026-01-01",
        "sept 2025,      2026-11-21, 2025-09-01, 2025-10-01",
        "q4,             2026-11-21, 2026-10-01, 2026-11-22",
        "q1,             2026-11-21, 2026-01-01, 2026-04-01",
        "2026-q2,        2026-11-21, 2026-04-01, 2026-07-01",
        "2025,           2026-11-21, 2025-01-01, 2026-01-01",
        // explicit dates: both ends included, cut off at today
        "2026-10-01 to 2026-10-31,       2026-11-21, 2026-10-01, 2026-11-01",
        "from 2026-10-01 until 2026-10-31, 2026-11-21, 2026-10-01, 2026-11-01",
        "2026-10-01..2026-10-31,         2026-11-21, 2026-10-01, 2026-11-01",
        "2026-10-01 - 2026-10-31,        2026-11-21, 2026-10-01, 2026-11-01",
        "between 2026-10-01 and 2026-10-31, 2026-11-21, 2026-10-01, 2026-11-01",
        "2026-11-01 to 2026-12-31,       2026-11-21, 2026-11-01, 2026-11-22",
        "2026-11-21 to 2026-11-21,       2026-11-21, 2026-11-21, 2026-11-22",
        "since 2026-11-01,               2026-11-21, 2026-11-01, 2026-11-22",
        "today,                          2026-11-21, 2026-11-21, 2026-11-22",
        "mtd,                            2026-11-21, 2026-11-01, 2026-11-22",
    })
    void readsCalendarExpressions(String expression, String today, String from, String to) {
        assertRange(expression, today, from, to);
    }

    @Test
    void defaultsToTheLastThirtyDaysTodayIncluded() {
        DateRange range = DateRangeParser.defaultRange(LocalDate.parse("2026-03-01"));

        assertThat(range.fromInclusive()).isEqualTo("2026-01-31");
        assertThat(range.toExclusive()).isEqualTo("2026-03-02");
        assertThat(range.days()).isEqualTo(30);
    }

    @ParameterizedTest
    @CsvSource({
        "next month",
        "2026-02-30",
        "2026-13",
        "2026-10-31 to 2026-10-01",
        "2026-12-01 to 2026-12-31",
        "last 0 days",
        "tomorrow",
        "banana",
        "''",
    })
    void refusesWhatIsNotAPastRange(String expression) {
        DateRangeParser.Result result =
                DateRangeParser.parse(expression, LocalDate.parse("2026-11-21"));

        assertThat(result).isInstanceOf(DateRangeParser.Result.Failed.class);
        assertThat(((DateRangeParser.Result.Failed) result).message()).isNotBlank();
    }
}
