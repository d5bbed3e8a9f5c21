package dev.pulse.bot.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every example in {@code docs/bot.md} ({@code input → expected} lines in fenced blocks) parses to
 * exactly what the documentation says, so the documentation and the parser cannot drift.
 */
class DocumentedExamplesTest {

    private static final Path DOC = Path.of("..", "docs", "bot.md");

    private static final ZoneId ZONE = ZoneId.of("Europe/Berlin");

    /** The documentation's examples assume this day. */
    private static final Clock SATURDAY_2026_11_21 =
            Clock.fixed(Instant.parse("2026-11-21T10:00:00Z"), ZoneId.of("UTC"));

    private final CommandParser parser = new CommandParser(SATURDAY_2026_11_21, ZONE);

    record Example(String input, String expected) {
        @Override
        public String toString() {
            return input;
        }
    }

    static List<Example> examples() throws IOException {
        List<Example> examples = new ArrayList<>();
        boolean inFence = false;
        for (String line : Files.readAllLines(DOC, StandardCharsets.UTF_8)) {
            if (line.startsWith("```")) {
                inFence = !inFence;
                continue;
            }
            int arrow = line.indexOf('→');
            if (inFence && arrow >= 0) {
                examples.add(
                        new Example(
                                line.substring(0, arrow).strip(),
                                line.substring(arrow + 1).strip().replaceAll("\\s+", " ")));
            }
        }
        return examples;
    }

    static List<Arguments> exampleArguments() throws IOException {
        return examples().stream().map(Arguments::of).toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("exampleArguments")
    void parsesAsDocumented(Example example) {
        BotCommand command = parser.parseStrict(example.input());

        assertThat(CommandDescriptions.describe(command))
                .as("docs/bot.md: %s", example.input())
                .isEqualTo(example.expected());
    }

    @Test
    void documentationStatesTheDayItsExamplesAssume() throws IOException {
        assertThat(Files.readString(DOC)).contains("Saturday 2026-11-21");
    }

    @Test
    void documentationShowsEveryKindOfCommand() throws IOException {
        Set<String> documented =
                examples().stream()
                        .map(e -> e.expected().split(" ")[0])
                        .collect(Collectors.toSet());
        Set<String> kinds =
                Arrays.stream(BotCommand.class.getPermittedSubclasses())
                        .map(Class::getSimpleName)
                        .filter(name -> !name.equals("TooLong"))
                        .collect(Collectors.toSet());

        assertThat(documented).containsAll(kinds);
        assertThat(examples()).hasSizeGreaterThan(70);
    }
}
