package dev.pulse.app;

import dev.pulse.app.portfolio.HolidayPeriod;
import dev.pulse.app.portfolio.LabelledPortfolio;
import dev.pulse.app.portfolio.PortfolioGenerator;
import dev.pulse.app.portfolio.PortfolioScenario;
import dev.pulse.app.simulator.UsagePattern;
import dev.pulse.topologies.account.Account;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Writes a labelled portfolio (accounts with known outcomes and their usage) for backtests. */
@Command(
        name = "generate",
        mixinStandardHelpOptions = true,
        description = {
            "Generate a labelled portfolio for backtests: accounts with known outcomes",
            "(churned, renewed, active) and usage patterns, and months of their usage.",
            "Writes DIR/events.ndjson (as POST /v1/events takes them, in event-time",
            "order), DIR/accounts.ndjson (as POST /v1/accounts takes them) and",
            "DIR/scenario.json. The same scenario and seed always give the same files.",
            ""
        },
        footer = {
            "",
            "Presets:",
            "  standard    200 accounts, 150 days, 12%% churn, fades of 28-70 days,",
            "              one holiday period, every trap (cycles, blips, small, new)",
            "  holidays    like standard, with two holiday periods and more than twice the",
            "              month-end and quarter-end cycles",
            "  smb-noisy   300 accounts, 120 days, a third tiny and noisy, 15%% churn,",
            "              fades of 28-42 days, no holiday, 0.6x the volume",
            "  enterprise  120 large accounts, 180 days, 8%% churn, fades of 42-70 days,",
            "              many quarter-end cycles, 1.6x the volume",
            "",
            "Examples:",
            "  ./pulse generate --out history --scenario standard --seed 1",
            "  ./pulse backtest --events history/events.ndjson --accounts history/accounts.ndjson"
        })
final class GenerateCommand implements Callable<Integer> {
    static final String EVENTS_FILE = "events.ndjson";
    static final String ACCOUNTS_FILE = "accounts.ndjson";
    static final String SCENARIO_FILE = "scenario.json";

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(
            names = "--scenario",
            defaultValue = PortfolioScenario.STANDARD,
            paramLabel = "NAME",
            description =
                    "standard, holidays, smb-noisy or enterprise (default: ${DEFAULT-VALUE});"
                            + " see Presets below.")
    String scenario;

    @Option(
            names = "--seed",
            defaultValue = "1",
            paramLabel = "N",
            description = "Seed of every random choice (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(
            names = "--accounts",
            paramLabel = "N",
            description = "Accounts (default: the preset's).")
    Integer accounts;

    @CommandLine.Mixin ScenarioOverrides overrides;

    @Option(
            names = "--out",
            required = true,
            paramLabel = "DIR",
            description = "Directory to write the three files to (created when missing).")
    Path out;

    @Override
    public Integer call() throws IOException {
        PortfolioScenario chosen = scenario();
        long started = System.nanoTime();
        LabelledPortfolio portfolio = PortfolioGenerator.generate(chosen);
        Files.createDirectories(out);
        try (Writer writer = Files.newBufferedWriter(out.resolve(ACCOUNTS_FILE))) {
            portfolio.writeAccounts(writer);
        }
        PrintWriter err = spec.commandLine().getErr();
        long events;
        try (Writer writer =
                Files.newBufferedWriter(out.resolve(EVENTS_FILE), StandardCharsets.UTF_8)) {
            events =
                    portfolio.writeEvents(
                            writer,
                            (day, soFar) -> {
                                err.printf(
                                        Locale.ROOT,
                                        "\rGenerating events: %s, day %d of %d, %,d events ",
                                        day,
                                        day.toEpochDay() - portfolio.firstDay().toEpochDay() + 1,
                                        chosen.days(),
                                        soFar);
                                err.flush();
                            });
        }
        err.println();
        Files.writeString(out.resolve(SCENARIO_FILE), portfolio.describeScenario(events) + "\n");
        summary(portfolio, events, (System.nanoTime() - started) / 1e9);
        return 0;
    }

    private PortfolioScenario scenario() {
        try {
            return overrides.apply(PortfolioScenario.preset(scenario, seed), accounts);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    private void summary(LabelledPortfolio portfolio, long events, double seconds)
            throws IOException {
        PortfolioScenario chosen = portfolio.scenario();
        PrintWriter console = spec.commandLine().getOut();
        console.printf(
                Locale.ROOT,
                "Scenario %s, seed %d: %d accounts from %s to %s (%d days)%n",
                chosen.name(),
                chosen.seed(),
                chosen.accounts(),
                portfolio.firstDay(),
                portfolio.lastDay(),
                chosen.days());
        StringJoiner patterns = new StringJoiner(", ");
        for (Map.Entry<UsagePattern, Integer> count : portfolio.patternCounts().entrySet()) {
            patterns.add(count.getKey().label() + " " + count.getValue());
        }
        console.println("  patterns: " + patterns);
        Map<String, Integer> counts = new TreeMap<>();
        for (Account account : portfolio.accounts()) {
            counts.merge(account.status(), 1, Integer::sum);
        }
        StringJoiner outcomes = new StringJoiner(", ");
        counts.forEach((status, count) -> outcomes.add(status + " " + count));
        console.println("  outcomes: " + outcomes);
        StringJoiner holidays = new StringJoiner(", ");
        for (HolidayPeriod holiday : portfolio.holidays()) {
            holidays.add(
                    String.format(
                            Locale.ROOT,
                            "%s to %s at %.0f%%",
                            holiday.from(),
                            holiday.to(),
                            100 * holiday.factor()));
        }
        console.println("  holidays: " + (holidays.length() == 0 ? "none" : holidays));
        console.printf(
                Locale.ROOT,
                "  %,d events in %.1f s; wrote %s (%,d MB), %s, %s%n",
                events,
                seconds,
                out.resolve(EVENTS_FILE),
                Files.size(out.resolve(EVENTS_FILE)) / 1_000_000,
                out.resolve(ACCOUNTS_FILE),
                out.resolve(SCENARIO_FILE));
        console.flush();
    }
}
