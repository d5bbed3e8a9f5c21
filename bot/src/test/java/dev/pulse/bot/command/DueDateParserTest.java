package dev.pulse.bot.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DueDateParserTest {

    /** A Friday. */
    private static final LocalDate FRIDAY = LocalDate.parse("2026-11-20");

    @ParameterizedTest(name = "{0} on Friday 2026-11-20 is {1}")
    @CsvSource({
        "2026-12-01,     2026-12-01",
        "today,          2026-11-20",
        "tomorrow,       2026-11-21",
        "friday,         2026-11-20",
        "fri,            2026-11-20",
        "next friday,    2026-11-27",
        "monday,         2026-11-23",
        "next week,      2026-11-23",
        "end of week,    2026-11-22",
        "end of month,   2026-11-30",
        "in 3 days,      2026-11-23",
        "in 2 weeks,     2026-12-04",
        "1 december,     2026-12-01",
        "dec 1st,        2026-12-01",
        "1 january,      2027-01-01",
        "29 feb,         2027-02-28",
    })
    void readsDueDates(String expression, String expected) {
        assertThat(DueDateParser.parse(expression, FRIDAY)).contains(LocalDate.parse(expected));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "phone", "2026-02-30", "31 april", "someday", "next"})
    void refusesWhatIsNoDate(String expression) {
        assertThat(DueDateParser.parse(expression, FRIDAY)).isEmpty();
    }
}
