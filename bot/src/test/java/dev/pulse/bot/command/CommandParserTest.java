package dev.pulse.bot.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pulse.bot.command.BotCommand.AccountStatus;
import dev.pulse.bot.command.BotCommand.AtRisk;
import dev.pulse.bot.command.BotCommand.Help;
import dev.pulse.bot.command.BotCommand.Invalid;
import dev.pulse.bot.command.BotCommand.Portfolio;
import dev.pulse.bot.command.BotCommand.SnoozeAlert;
import dev.pulse.bot.command.BotCommand.Summary;
import dev.pulse.bot.command.BotCommand.TooLong;
import dev.pulse.bot.command.BotCommand.Unknown;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class CommandParserTest {

    /** Late Saturday evening in UTC is already Sunday in Tokyo. */
    private static final Clock SATURDAY_EVENING_UTC =
            Clock.fixed(Instant.parse("2026-11-21T20:00:00Z"), ZoneId.of("UTC"));

    private final CommandParser parser = new CommandParser(SATURDAY_EVENING_UTC, ZoneId.of("UTC"));

    @Test
    void answersNullAndEmptyInputWithUnknownThatPointsToHelp() {
        assertThat(parser.parse(null)).isEqualTo(new Unknown("", Optional.of("help")));
        assertThat(parser.parse("")).isEqualTo(new Unknown("", Optional.of("help")));
        assertThat(parser.parse("   \n\t ")).isEqualTo(new Unknown("", Optional.of("help")));
        assertThat(parser.parse("@pulse")).isInstanceOf(Unknown.class);
    }

    @Test
    void refusesInputLongerThanTheLimitWithoutReadingIt() {
        String longInput = "status " + "a".repeat(CommandParser.MAX_LENGTH);

        BotCommand command = parser.parse(longInput);

        assertThat(command).isEqualTo(new TooLong(longInput.length(), CommandParser.MAX_LENGTH));
        assertThat(((TooLong) command).answer()).contains("500");
    }

    @Test
    void acceptsInputOfExactlyTheLimit() {
        String name = "a".repeat(CommandParser.MAX_LENGTH - "status ".length());

        assertThat(parser.parse("status " + name)).isEqualTo(new AccountStatus(name));
    }

    @Test
    void ignoresControlCharactersInvisibleCharactersAndEmoji() {
        assertThat(parser.parse("\u0000at-risk\u200B accounts\u0007 🔥"))
                .isEqualTo(new AtRisk(new OwnerScope.Mine()));
        assertThat(parser.parse("🙏 portfolio please 🙏"))
                .isEqualTo(new Portfolio(new OwnerScope.Mine()));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "@pulse portfolio",
                "pulse portfolio",
                "Pulse, portfolio",
                "<@U024BE7LH> portfolio",
                "hey @pulse can you show me my portfolio?",
                "PORTFOLIO!!!",
                "  portfolio.  ",
                "portfolio, thanks",
                "what's my portfolio?",
            })
    void toleratesMentionsPolitenessAndPunctuation(String input) {
        assertThat(parser.parse(input)).isEqualTo(new Portfolio(new OwnerScope.Mine()));
    }

    @Test
    void keepsNamesAsTypedWithTheirCaseAndAccents() {
        assertThat(parser.parse("STATUS Zürich Versicherung AG"))
                .isEqualTo(new AccountStatus("Zürich Versicherung AG"));
        assertThat(parser.parse("at-risk for Sarah.Chen@Demo.Pulse.dev"))
                .isEqualTo(new AtRisk(new OwnerScope.Owner("Sarah.Chen@Demo.Pulse.dev")));
    }

    @Test
    void readsRelativeDatesInTheAskersZone() {
        CommandParser tokyo = new CommandParser(SATURDAY_EVENING_UTC, ZoneId.of("Asia/Tokyo"));

        assertThat(tokyo.parse("summary today"))
                .isEqualTo(new Summary(DateRange.day(LocalDate.parse("2026-11-22"))));
        assertThat(parser.parse("summary today"))
                .isEqualTo(new Summary(DateRange.day(LocalDate.parse("2026-11-21"))));
    }

    @Test
    void snoozeWithoutDurationIsInvalidNotUnknown() {
        BotCommand command = parser.parse("snooze Acme");

        assertThat(command).isInstanceOf(Invalid.class);
        Invalid invalid = (Invalid) command;
        assertThat(invalid.command()).isEqualTo("snooze");
        assertThat(invalid.answer()).contains("how long").contains("`snooze Acme gone-silent 7d`");
        assertThat(parser.parse(invalid.example())).isInstanceOf(SnoozeAlert.class);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "status",
                "how is",
                "at-risk for",
                "portfolio for team",
                "summary banana",
                "alerts acme",
                "ack",
                "resolve",
                "snooze 7d",
                "snooze Acme 0d",
                "follow-up",
                "follow-up Acme:",
                "report",
                "report Acme xlsx",
            })
    void incompleteCommandsAreInvalidWithAWorkingExample(String input) {
        BotCommand command = parser.parse(input);

        assertThat(command).as(input).isInstanceOf(Invalid.class);
        Invalid invalid = (Invalid) command;
        assertThat(parser.parse(invalid.example()))
                .as("example %s", invalid.example())
                .isNotInstanceOfAny(Invalid.class, Unknown.class);
    }

    @Test
    void unknownInputSuggestsTheClosestCommandWithExamples() {
        BotCommand command = parser.parse("portfolo for Sarah");

        assertThat(command).isEqualTo(new Unknown("portfolo for Sarah", Optional.of("portfolio")));
        assertThat(((Unknown) command).answer())
                .contains("Did you mean `portfolio`?")
                .contains("`portfolio for Sarah`");
    }

    @Test
    void unknownInputFarFromEveryCommandStillGetsExamples() {
        BotCommand command = parser.parse("tell me a joke about kafka");

        assertThat(command).isInstanceOf(Unknown.class);
        assertThat(((Unknown) command).suggestion()).isEmpty();
        assertThat(((Unknown) command).answer()).contains("`my portfolio`").contains("`help`");
    }

    @Test
    void ruleWordsComeFromConfiguration() {
        CommandParser custom =
                new CommandParser(SATURDAY_EVENING_UTC, ZoneId.of("UTC"), Set.of("churn-risk"));

        assertThat(CommandDescriptions.describe(custom.parse("ack Acme churn-risk")))
                .isEqualTo("AckAlert account=Acme rule=churn-risk");
        assertThat(CommandDescriptions.describe(custom.parse("ack Acme silence")))
                .isEqualTo("AckAlert account=\"Acme silence\"");
    }

    @Test
    void snoozeDurationsUpToTheLimit() {
        assertThat(parser.parse("snooze acme/usage-drop 90d"))
                .isEqualTo(
                        new SnoozeAlert(
                                new AlertRef.Id("acme", "usage-drop"), Duration.ofDays(90)));
        assertThat(parser.parse("snooze acme/usage-drop 91d")).isInstanceOf(Invalid.class);
    }

    @Test
    void readsSegmentQuestions() {
        assertThat(parser.parse("how is the enterprise segment doing?"))
                .isEqualTo(new BotCommand.SegmentStatus("enterprise"));
        assertThat(parser.parse("segment")).isInstanceOf(Invalid.class);
        assertThat(parser.parse("how is Acme doing")).isEqualTo(new AccountStatus("Acme"));
    }

    @Test
    void readsWhereAnAccountsUsersStall() {
        assertThat(parser.parse("where do Acme's users get stuck?"))
                .isEqualTo(new BotCommand.FunnelStall("Acme"));
        assertThat(parser.parse("where is the report")).isInstanceOf(Unknown.class);
        assertThat(parser.parse("funnel")).isInstanceOf(Invalid.class);
    }

    @Test
    void overviewHelpListsEveryTopic() {
        String overview = new Help(Optional.empty()).answer();

        for (HelpTopic topic : HelpTopic.values()) {
            assertThat(overview).contains("`" + HelpText.examples(topic).get(0) + "`");
        }
    }

    @ParameterizedTest
    @EnumSource(HelpTopic.class)
    void everyHelpExampleIsACommandOfItsTopic(HelpTopic topic) {
        assertThat(parser.parse("help " + topic.word())).isEqualTo(new Help(Optional.of(topic)));
        for (String example : HelpText.examples(topic)) {
            BotCommand command = parser.parseStrict(example);
            assertThat(command)
                    .as(example)
                    .isNotInstanceOfAny(Invalid.class, Unknown.class, Help.class);
            assertThat(HelpTopic.fromWord(topicWord(command))).as(example).contains(topic);
        }
    }

    private static String topicWord(BotCommand command) {
        if (command instanceof AtRisk) {
            return "at-risk";
        }
        if (command instanceof AccountStatus) {
            return "status";
        }
        if (command instanceof Portfolio) {
            return "portfolio";
        }
        if (command instanceof Summary) {
            return "summary";
        }
        if (command instanceof BotCommand.FollowUp) {
            return "follow-up";
        }
        if (command instanceof BotCommand.Report
                || command instanceof BotCommand.ScheduleReport
                || command instanceof BotCommand.ListSchedules
                || command instanceof BotCommand.CancelSchedule) {
            return "report";
        }
        if (command instanceof BotCommand.SegmentStatus
                || command instanceof BotCommand.ListSegments
                || command instanceof BotCommand.SaveSegment
                || command instanceof BotCommand.DeleteSegment) {
            return "segment";
        }
        if (command instanceof BotCommand.FunnelStall) {
            return "funnel";
        }
        return "alerts";
    }
}
