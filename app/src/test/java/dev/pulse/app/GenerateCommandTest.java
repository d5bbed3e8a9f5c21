package dev.pulse.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pulse.topologies.account.AccountParser;
import dev.pulse.topologies.event.UsageEventParser;
import dev.pulse.topologies.json.PulseJson;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class GenerateCommandTest {
    @TempDir Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void writesEventsAccountsAndTheScenario() throws IOException {
        Path target = dir.resolve("portfolio");

        int exitCode =
                pulse().execute(
                                "generate",
                                "--scenario",
                                "smb-noisy",
                                "--seed",
                                "7",
                                "--accounts",
                                "15",
                                "--days",
                                "70",
                                "--end",
                                "2026-06-30",
                                "--out",
                                target.toString());

        assertThat(exitCode).as(err.toString()).isZero();
        List<String> accounts = Files.readAllLines(target.resolve("accounts.ndjson"));
        assertThat(accounts).hasSize(15);
        for (String line : accounts) {
            assertThat(AccountParser.parse(PulseJson.mapper().readTree(line)).tenantId())
                    .isNotBlank();
        }
        long events;
        try (Stream<String> lines = Files.lines(target.resolve("events.ndjson"))) {
            Instant end = Instant.parse("2026-07-01T00:00:00Z");
            events =
                    lines.peek(
                                    line ->
                                            UsageEventParser.parse(
                                                    line.getBytes(StandardCharsets.UTF_8), end))
                            .count();
        }
        assertThat(events).isGreaterThan(10_000);
        var scenario = PulseJson.mapper().readTree(target.resolve("scenario.json").toFile());
        assertThat(scenario.path("scenario").asText()).isEqualTo("smb-noisy");
        assertThat(scenario.path("seed").asLong()).isEqualTo(7);
        assertThat(scenario.path("lastDay").asText()).isEqualTo("2026-06-30");
        assertThat(scenario.path("events").asLong()).isEqualTo(events);
        assertThat(err.toString()).contains("Generating events: 2026-06-30, day 70 of 70");
        assertThat(out.toString())
                .contains("Scenario smb-noisy, seed 7: 15 accounts from 2026-04-22 to 2026-06-30")
                .contains("patterns: ", "outcomes: ", "holidays: none")
                .contains(String.format("%,d events", events));
    }

    @Test
    void helpDescribesEveryOption() {
        int exitCode = pulse().execute("generate", "--help");

        assertThat(exitCode).isZero();
        assertThat(out.toString())
                .contains(
                        "--scenario",
                        "--seed",
                        "--accounts",
                        "--days",
                        "--end",
                        "--volume-scale",
                        "--out",
                        "standard",
                        "holidays",
                        "smb-noisy",
                        "enterprise");
    }

    @Test
    void refusesAnUnknownScenarioOrAHistoryTooShortForAFade() {
        assertThat(pulse().execute("generate", "--scenario", "huge", "--out", dir.toString()))
                .isEqualTo(2);
        assertThat(err.toString()).contains("no scenario 'huge'");
        assertThat(pulse().execute("generate", "--days", "30", "--out", dir.toString()))
                .isEqualTo(2);
        assertThat(err.toString()).contains("days must be 64");
        assertThat(dir.resolve("events.ndjson")).doesNotExist();
    }

    private CommandLine pulse() {
        CommandLine pulse = new CommandLine(new PulseMain());
        pulse.setOut(new PrintWriter(out, true));
        pulse.setErr(new PrintWriter(err, true));
        return pulse;
    }
}
