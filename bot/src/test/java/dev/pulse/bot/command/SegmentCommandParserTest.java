package dev.pulse.bot.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pulse.access.segments.SegmentCriteria;
import dev.pulse.bot.command.BotCommand.DeleteSegment;
import dev.pulse.bot.command.BotCommand.Invalid;
import dev.pulse.bot.command.BotCommand.SaveSegment;
import dev.pulse.topologies.health.Band;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code save segment <name>: <conditions>} and {@code delete segment <name>}. */
class SegmentCommandParserTest {
    private final CommandParser parser =
            new CommandParser(
                    Clock.fixed(Instant.parse("2026-11-21T10:00:00Z"), ZoneId.of("UTC")),
                    ZoneId.of("UTC"));

    @Test
    void readsTheNameAndTheCommonConditions() {
        SaveSegment save =
                saved(
                        "save segment Enterprise renewals: plan enterprise, renewal within 90"
                                + " days, band at risk");

        assertThat(save.name()).isEqualTo("Enterprise renewals");
        assertThat(save.criteria().plans()).containsExactly("enterprise");
        assertThat(save.criteria().renewalWithinDays()).isEqualTo(90);
        assertThat(save.criteria().bands()).containsExactly(Band.AT_RISK);
    }

    @Test
    void readsEveryKindOfConditionWithAlternativesAndJoiningWords() {
        SegmentCriteria c =
                saved(
                                "@pulse please create a new segment \"Big, wobbly\": plans"
                                        + " Enterprise Plus or pro; owned by Sarah or"
                                        + " marc@example.com, team EMEA, score between 20 and 60"
                                        + " and ARR at least 1.5m, stage onboarding/adoption and"
                                        + " not at risk, renewing in the next 12 weeks")
                        .criteria();

        assertThat(c.plans()).containsExactly("Enterprise Plus", "pro");
        assertThat(c.owners()).containsExactly("sarah", "marc@example.com");
        assertThat(c.teams()).containsExactly("EMEA");
        assertThat(c.scoreMin()).isEqualTo(20.0);
        assertThat(c.scoreMax()).isEqualTo(60.0);
        assertThat(c.arrMin()).isEqualTo(1_500_000.0);
        assertThat(c.arrMax()).isNull();
        assertThat(c.journeyStages()).containsExactly("onboarding", "adoption");
        assertThat(c.atRisk()).isFalse();
        assertThat(c.renewalWithinDays()).isEqualTo(84);
        assertThat(saved("save segment x: bands healthy or neutral, at risk").criteria())
                .satisfies(
                        x -> {
                            assertThat(x.bands()).containsExactly(Band.HEALTHY, Band.NEUTRAL);
                            assertThat(x.atRisk()).isTrue();
                        });
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "score below 40 | | 40",
                "score under 40.5 | | 40.5",
                "score at most 40 | | 40",
                "score above 70 | 70 |",
                "score at least 70 | 70 |",
                "score >=70 | 70 |",
                "score 40-60 | 40 | 60",
                "health score from 40 to 60 | 40 | 60"
            })
    void readsScoreBoundsInclusively(String condition, Double min, Double max) {
        SegmentCriteria c = saved("save segment x: " + condition).criteria();

        assertThat(c.scoreMin()).isEqualTo(min);
        assertThat(c.scoreMax()).isEqualTo(max);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "arr above 100k | 100000 |",
                "ARR over $250000 | 250000 |",
                "revenue below 2m | | 2000000",
                "arr between 50k and 1.2m | 50000 | 1200000"
            })
    void readsAmountsWithThousandsAndMillions(String condition, Double min, Double max) {
        SegmentCriteria c = saved("save segment x: " + condition).criteria();

        assertThat(c.arrMin()).isEqualTo(min);
        assertThat(c.arrMax()).isEqualTo(max);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "save segment Enterprise plan enterprise | then a colon",
                "save segment : plan enterprise | Name the segment",
                "save segment Enterprise: and | Add conditions after the colon",
                "save segment Enterprise: colour blue | “colour blue”",
                "save segment Enterprise: band red | “red” in “band red” is not a band",
                "save segment Enterprise: score below forty | “forty” in “score below forty”",
                "save segment Enterprise: score about 40 | say below, above",
                "save segment Enterprise: score above 150 | scoreMin must be between 0 and 100",
                "save segment Enterprise: score above 70, score at least 40 | given already",
                "save segment Enterprise: arr above 100,000 | without commas",
                "save segment Enterprise: arr above lots | write amounts as 100k",
                "save segment Enterprise: renewal within 3 months | renewal within 90 days",
                "save segment Enterprise: renewal within 600 weeks | too far ahead",
                "save segment Enterprise: score above 70, score below 40 | must not be above",
                "save segment Enterprise: plan | names no value"
            })
    void refusesWhatItCannotReadNamingThePartAndShowingAnExample(String input, String says) {
        BotCommand command = parser.parseStrict(input);

        assertThat(command).isInstanceOf(Invalid.class);
        Invalid invalid = (Invalid) command;
        assertThat(invalid.command()).isEqualTo("segment");
        assertThat(invalid.message()).contains(says);
        assertThat(invalid.answer()).contains("save segment Enterprise renewals: plan enterprise");
    }

    @Test
    void readsADeletionByNameAndAsksWhichWhenNoneIsGiven() {
        assertThat(parser.parseStrict("delete segment Enterprise renewals"))
                .isEqualTo(new DeleteSegment("Enterprise renewals"));
        assertThat(parser.parseStrict("remove the segment \"Big, wobbly\""))
                .isEqualTo(new DeleteSegment("Big, wobbly"));
        assertThat(parser.parseStrict("delete segment")).isInstanceOf(Invalid.class);
    }

    @Test
    void leavesOtherCommandsThatStartWithTheSameWordsAlone() {
        assertThat(parser.parseStrict("segment Enterprise renewals"))
                .isEqualTo(new BotCommand.SegmentStatus("Enterprise renewals"));
        assertThat(parser.parseStrict("save the date")).isInstanceOf(BotCommand.Unknown.class);
        assertThat(parser.parseStrict("segments")).isEqualTo(new BotCommand.ListSegments());
    }

    private SaveSegment saved(String input) {
        BotCommand command = parser.parseStrict(input);
        assertThat(command).as(input).isInstanceOf(SaveSegment.class);
        return (SaveSegment) command;
    }
}
