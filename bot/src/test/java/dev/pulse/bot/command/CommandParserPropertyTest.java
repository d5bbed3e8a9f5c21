package dev.pulse.bot.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.StringLength;

/** Properties of the parser over inputs no list of examples covers. */
class CommandParserPropertyTest {

    private final CommandParser parser =
            new CommandParser(
                    Clock.fixed(Instant.parse("2026-11-21T10:00:00Z"), ZoneId.of("UTC")),
                    ZoneId.of("Europe/Berlin"));

    @Property(tries = 2000)
    void neverThrowsOnArbitraryText(@ForAll @StringLength(max = 700) String input) {
        assertThat(parser.parseStrict(input)).isNotNull();
    }

    @Property(tries = 500)
    void neverThrowsOnAnyUnicodeIncludingControlsAndSurrogates(
            @ForAll @StringLength(max = 600) @CharRange(from = '\u0000', to = '\uffff')
                    String input) {
        assertThat(parser.parseStrict(input)).isNotNull();
    }

    @Property(tries = 1000)
    void neverThrowsOnCommandLikeText(@ForAll("commandLike") String input) {
        assertThat(parser.parseStrict(input)).isNotNull();
    }

    @Property(tries = 20)
    void answersVeryLongInputWithTooLong(@ForAll("veryLong") String input) {
        assertThat(parser.parseStrict(input)).isInstanceOf(BotCommand.TooLong.class);
    }

    @Property(tries = 1000)
    void ignoresLetterCase(@ForAll("commandLike") String input) {
        String lower =
                CommandDescriptions.describe(parser.parseStrict(input.toLowerCase(Locale.ROOT)));
        String upper =
                CommandDescriptions.describe(parser.parseStrict(input.toUpperCase(Locale.ROOT)));

        assertThat(upper.toLowerCase(Locale.ROOT)).isEqualTo(lower.toLowerCase(Locale.ROOT));
    }

    @Property(tries = 1000)
    void ignoresSurroundingWhitespace(
            @ForAll("commandLike") String input,
            @ForAll("whitespace") String before,
            @ForAll("whitespace") String after) {
        assertThat(parser.parseStrict(before + input + after)).isEqualTo(parser.parseStrict(input));
    }

    /** Command words, names, dates, durations and punctuation in random order. */
    @Provide
    Arbitrary<String> commandLike() {
        Arbitrary<String> word =
                Arbitraries.oneOf(
                        Arbitraries.of(
                                "at-risk",
                                "at",
                                "risk",
                                "accounts",
                                "for",
                                "team",
                                "my",
                                "me",
                                "how",
                                "is",
                                "how's",
                                "doing",
                                "status",
                                "account",
                                "portfolio",
                                "summary",
                                "last",
                                "this",
                                "month",
                                "quarter",
                                "week",
                                "year",
                                "30",
                                "days",
                                "october",
                                "q3",
                                "2026-10",
                                "2026-10-01",
                                "to",
                                "2026-02-30",
                                "since",
                                "alerts",
                                "firing",
                                "ack",
                                "snooze",
                                "resolve",
                                "7d",
                                "2h",
                                "1",
                                "a",
                                "follow-up",
                                "follow",
                                "up",
                                "on",
                                "by",
                                "due",
                                "friday",
                                "tomorrow",
                                "next",
                                "report",
                                "pdf",
                                "csv",
                                "help",
                                "?",
                                ":",
                                "-",
                                ",",
                                "\"",
                                "please",
                                "@pulse",
                                "pulse",
                                "'s",
                                "acme/gone-silent",
                                "silence",
                                "Acme",
                                "Corp",
                                "Jasper",
                                "Health",
                                "Zürich",
                                "Priya's",
                                "sarah@demo.pulse.dev"),
                        Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(8));
        Arbitrary<String> separator = Arbitraries.of(" ", "  ", " ", ", ", ": ", "? ");
        return Combinators.combine(word, separator)
                .as((w, s) -> w + s)
                .list()
                .ofMaxSize(10)
                .map(parts -> String.join("", parts).strip());
    }

    @Provide
    Arbitrary<String> veryLong() {
        return Arbitraries.strings()
                .ofMinLength(CommandParser.MAX_LENGTH + 1)
                .ofMaxLength(100_000)
                .filter(s -> s.strip().length() > CommandParser.MAX_LENGTH);
    }

    @Provide
    Arbitrary<String> whitespace() {
        return Arbitraries.strings().withChars(" \t\n\r\u000B\f").ofMaxLength(20);
    }
}
