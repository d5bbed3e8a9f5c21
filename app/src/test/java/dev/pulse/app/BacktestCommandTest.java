package dev.pulse.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pulse.topologies.json.PulseJson;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code pulse backtest} over files written by {@code pulse generate}, as a user runs them. */
class BacktestCommandTest {
    @TempDir Path dir;

    private StringWriter out;
    private StringWriter err;
    private Path portfolio;

    @BeforeEach
    void generate() {
        portfolio = dir.resolve("portfolio");
        int exit =
                pulse().execute(
                                "generate",
                                "--scenario",
                                "standard",
                                "--seed",
                                "11",
                                "--accounts",
                                "60",
                                "--days",
                                "120",
                                "--volume-scale",
                                "0.5",
                                "--out",
                                portfolio.toString());
        assertThat(exit).as(err.toString()).isZero();
    }

    private CommandLine pulse() {
        out = new StringWriter();
        err = new StringWriter();
        CommandLine cli = PulseMain.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        return cli;
    }

    /** The shipped model under another version with one line changed. */
    private Path candidate(String version, String line, String replacement) throws Exception {
        String shipped = Files.readString(Path.of("..", "config", "health-model.yaml"));
        assertThat(shipped).contains(line);
        return Files.writeString(
                dir.resolve(version + ".yaml"),
                shipped.replace("version: \"2026.12-3\"", "version: \"" + version + "\"")
                        .replace(line, replacement));
    }

    private String[] files(String... more) {
        String[] files = {
            "backtest",
            "--events",
            portfolio.resolve("events.ndjson").toString(),
            "--accounts",
            portfolio.resolve("accounts.ndjson").toString(),
            "--scenario",
            portfolio.resolve("scenario.json").toString(),
            "--model",
            "../config/health-model.yaml",
            "--rules",
            "../config/alert-rules.yaml"
        };
        String[] all = new String[files.length + more.length];
        System.arraycopy(files, 0, all, 0, files.length);
        System.arraycopy(more, 0, all, files.length, more.length);
        return all;
    }

    @Test
    void reportsLeadTimesFalseAlarmsAndRulePrecisionAsJson() throws Exception {
        int exit = pulse().execute(files("--json"));

        assertThat(exit).as(err.toString()).isZero();
        JsonNode report = PulseJson.mapper().readTree(out.toString()).path("runs").get(0);
        JsonNode figures = report.path("reports").get(0);
        assertThat(figures.path("model").asText()).isEqualTo("2026.12-3");
        assertThat(figures.path("churned").asInt()).isPositive();
        assertThat(figures.path("retained").asInt()).isPositive();
        assertThat(figures.path("flagged7").asDouble())
                .isGreaterThanOrEqualTo(figures.path("flagged14").asDouble());
        assertThat(figures.path("falsePerManagerWeek").asDouble()).isBetween(0.0, 1.0);
        assertThat(figures.path("rules").path("at-risk").path("fired").asInt()).isPositive();
        assertThat(figures.path("byPattern").has("steady")).isTrue();
        assertThat(err.toString()).contains("days of 60 tenants scored");
    }

    @Test
    void comparesTwoModelsSideBySideInOneTable() throws Exception {
        Path candidate = candidate("candidate", "  enterAfterDays: 4 ", "  enterAfterDays: 7 ");

        int exit = pulse().execute(files("--model", candidate.toString()));

        assertThat(exit).as(err.toString()).isZero();
        String table = out.toString();
        assertThat(table).contains("2026.12-3").contains("candidate");
        assertThat(table).contains("flagged >= 14 days ahead").contains("per manager per week");
    }

    @Test
    void explainsAnAccountDayByDay() throws Exception {
        String churner =
                Files.readAllLines(portfolio.resolve("accounts.ndjson")).stream()
                        .filter(line -> line.contains("\"churned\""))
                        .map(line -> line.replaceAll(".*\"tenantId\":\"([^\"]+)\".*", "$1"))
                        .findFirst()
                        .orElseThrow();

        int exit = pulse().execute(files("--explain", churner));

        assertThat(exit).as(err.toString()).isZero();
        assertThat(out.toString()).contains(churner + " under 2026.12-3:").contains("healthy");
    }

    @Test
    void refusesAModelFileThatIsNotThereInsteadOfScoringWithTheShippedOne() {
        Path absent = portfolio.resolve("candidat.yaml");

        int exit = pulse().execute(files("--model", absent.toString()));

        assertThat(exit).isEqualTo(1);
        assertThat(out.toString()).isEmpty();
        assertThat(err.toString())
                .startsWith("pulse backtest: --model: no file at " + absent)
                .doesNotContain("\tat ");
    }

    @Test
    void runsTheTrapPatternsAgainstACandidateAndShowsWhoAMissedOneFlagged() throws Exception {
        Path candidate = candidate("sensitive", "  significance: 1.4 ", "  significance: 1.0 ");

        // The shipped model holding all eight is RiskPatternsTest's; here, what a miss prints.
        int exit = pulse().execute("backtest", "--traps", "--model", candidate.toString());

        assertThat(exit).as(err.toString()).isZero();
        String table = out.toString();
        assertThat(table)
                .containsPattern("Trap patterns under sensitive: [0-7] of 8 hold")
                .contains("MISSED   holiday: the whole portfolio at 35 % for 9 days")
                .containsPattern("steady-\\d+ 2026-\\d\\d-\\d\\d: .* down ");
    }

    @Test
    void generatesAHistoryWithOtherParametersInProcessAsTheFilesOfPulseGenerate() throws Exception {
        assertThat(pulse().execute(files("--json"))).as(err.toString()).isZero();
        JsonNode fromFiles = PulseJson.mapper().readTree(out.toString()).path("runs").get(0);

        int exit =
                pulse().execute(
                                "backtest",
                                "--generate",
                                "standard",
                                "--seed",
                                "11",
                                "--account-count",
                                "60",
                                "--days",
                                "120",
                                "--volume-scale",
                                "0.5",
                                "--model",
                                "../config/health-model.yaml",
                                "--rules",
                                "../config/alert-rules.yaml",
                                "--json");

        assertThat(exit).as(err.toString()).isZero();
        JsonNode generated = PulseJson.mapper().readTree(out.toString()).path("runs").get(0);
        assertThat(generated.path("input").asText())
                .isEqualTo("standard seed 11, 60 accounts, 120 days, volume x0.50");
        assertThat(generated.path("reports")).isEqualTo(fromFiles.path("reports"));
    }

    @Test
    void refusesHistoryParametersWithoutAGeneratedHistory() {
        int exit = pulse().execute("backtest", "--days", "200");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString())
                .contains("--account-count, --days, --end and --volume-scale shape a generated");
    }

    @Test
    void refusesTrapsWithAHistory() {
        int exit = pulse().execute("backtest", "--traps", "--generate", "standard");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("--traps runs its own hand-made portfolios");
    }

    @Test
    void refusesToRunWithoutAHistory() {
        int exit = pulse().execute("backtest");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("give --events and --accounts, or --generate PRESET");
    }
}
