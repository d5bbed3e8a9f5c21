package dev.pulse.bot.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DurationParserTest {

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
        "1d, PT24H",
        "7d, PT168H",
        "2h, PT2H",
        "30m, PT30M",
        "1w, PT168H",
        "3 days, PT72H",
        "1 week, PT168H",
        "a week, PT168H",
        "an hour, PT1H",
        "2 hours, PT2H",
        "10 minutes, PT10M",
        "2 wks, PT336H",
    })
    void readsDurations(String expression, String expected) {
        assertThat(DurationParser.parse(expression)).contains(Duration.parse(expected));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "soon", "7", "d7", "3 fortnights", "1.5d", "99999d"})
    void refusesWhatIsNoDuration(String expression) {
        assertThat(DurationParser.parse(expression)).isEmpty();
    }

    @Test
    void findsTheDurationAtTheEndAndCountsForAsPartOfIt() {
        assertThat(DurationParser.parseSuffix(List.of("acme", "silence", "for", "3", "days")))
                .contains(new DurationParser.Suffix(Duration.ofDays(3), 3));
        assertThat(DurationParser.parseSuffix(List.of("acme", "7d")))
                .contains(new DurationParser.Suffix(Duration.ofDays(7), 1));
        assertThat(DurationParser.parseSuffix(List.of("acme"))).isEmpty();
        assertThat(DurationParser.parseSuffix(List.of())).isEmpty();
    }
}
