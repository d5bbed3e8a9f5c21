package dev.pulse.app;

import dev.pulse.app.backtest.BacktestInput;
import dev.pulse.app.backtest.BacktestReplay;
import dev.pulse.app.backtest.BacktestReport;
import dev.pulse.app.backtest.BacktestRun;
import dev.pulse.app.backtest.RiskPatterns;
import dev.pulse.app.backtest.StoredEngagementReader;
import dev.pulse.app.config.ConfigFile;
import dev.pulse.app.config.ConfigLoader;
import dev.pulse.app.portfolio.HolidayPeriod;
import dev.pulse.app.portfolio.LabelledPortfolio;
import dev.pulse.app.portfolio.PortfolioGenerator;
import dev.pulse.app.portfolio.PortfolioScenario;
import dev.pulse.streams.connection.TopicDefaults;
import dev.pulse.topologies.alert.AlertRules;
import dev.pulse.topologies.health.HealthModel;
import dev.pulse.topologies.json.PulseJson;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Replays a labelled history through the scoring and alert code; see docs/health-model.md. */
@Command(
        name = "backtest",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Replay a labelled history (events and accounts with outcomes) through the same daily",
            "scoring, at-risk decision and alert rules the live topology runs, in event time, and",
            "report how early churn was flagged and how many false alarms account managers got.",
            "",
            "History from files:       --events events.ndjson --accounts accounts.ndjson",
            "A generated history:      --generate standard --seed 1 [--account-count N --days N]",
            "A deployment's history:   --from-kafka kafka:9092 [--application-id pulse]",
            "Models side by side:      --model config/health-model.yaml --model candidate.yaml",
            "The trap patterns alone:  --traps --model candidate.yaml (no history needed)"
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  ./pulse backtest --generate standard --seed 1",
            "  ./pulse backtest --events history/events.ndjson --accounts history/accounts.ndjson"
                    + " --model config/health-model.yaml --model candidate.yaml"
        })
final class BacktestCommand implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(
            names = "--events",
            paramLabel = "FILE",
            description =
                    "Usage events as NDJSON or a JSON array (the format POST /v1/events takes).")
    Path events;

    @Option(
            names = "--accounts",
            paramLabel = "FILE",
            description = {
                "Accounts with outcomes (status, churnedAt) as NDJSON, a JSON array or CSV",
                "(the formats POST /v1/accounts takes)."
            })
    Path accounts;

    @Option(
            names = "--scenario",
            paramLabel = "FILE",
            description = "scenario.json from 'pulse generate': holiday periods to report apart.")
    Path scenario;

    @Option(
            names = "--generate",
            paramLabel = "PRESET",
            description =
                    "Generate the history in-process from a preset (standard, holidays,"
                            + " smb-noisy, enterprise) instead of reading files.")
    String preset;

    @Option(
            names = "--seed",
            paramLabel = "N",
            description =
                    "Seed(s) of the generated history; several run one after another"
                            + " (default: 1).")
    List<Long> seeds = new ArrayList<>();

    @Option(
            names = "--account-count",
            paramLabel = "N",
            description = "Accounts of the generated history (default: the preset's).")
    Integer accountCount;

    @CommandLine.Mixin ScenarioOverrides overrides;

    @Option(
            names = "--from-kafka",
            paramLabel = "BOOTSTRAP",
            description = {
                "Re-score a deployment's stored daily history instead: read the daily engagement",
                "changelog and the account directory from the Kafka at BOOTSTRAP (no raw events)."
            })
    String fromKafka;

    @Option(
            names = "--application-id",
            defaultValue = "pulse",
            description =
                    "The deployment's streams.applicationId, with --from-kafka"
                            + " (default: ${DEFAULT-VALUE}).")
    String applicationId;

    @Option(
            names = "--model",
            paramLabel = "FILE",
            description = "Health model(s) to compare (default: config/health-model.yaml).")
    List<String> models = new ArrayList<>();

    @Option(
            names = "--rules",
            paramLabel = "FILE",
            defaultValue = "config/alert-rules.yaml",
            description = "Alert rules whose precision to report (default: ${DEFAULT-VALUE}).")
    String rules;

    @Option(
            names = "--partitions",
            defaultValue = "6",
            description = {
                "Partitions of the usage-events topic: each stream task judges its own tenants",
                "against each other, as the topology does (default: ${DEFAULT-VALUE})."
            })
    int partitions;

    @Option(names = "--json", description = "Print the reports as JSON instead of a table.")
    boolean json;

    @Option(
            names = "--traps",
            description = {
                "Instead of a history: run each model through the patterns it must stay calm",
                "through (a holiday week, month-end and quarterly peaks, a quarterly account",
                "younger than a quarter, one slow week, very small accounts, a ramp-up) and the",
                "fades it must flag weeks ahead, and say which hold."
            })
    boolean traps;

    @Option(
            names = "--explain",
            paramLabel = "TENANT",
            description = {
                "Print every day of these tenants under each model: score, band, the at-risk",
                "decision (* marks a day with a warning sign) and its sentence."
            })
    List<String> explain = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<HealthModel> healthModels = new ArrayList<>();
        for (String model : models.isEmpty() ? List.of("config/health-model.yaml") : models) {
            healthModels.add(
                    ConfigFile.parse("--model", model, "health-model.yaml", HealthModel::fromYaml));
        }
        if (traps) {
            if (fromKafka != null || preset != null || events != null || accounts != null || json) {
                throw new CommandLine.ParameterException(
                        spec.commandLine(),
                        "--traps runs its own hand-made portfolios: it takes no history (--events,"
                                + " --accounts, --generate, --from-kafka) and no --json");
            }
            for (HealthModel model : healthModels) {
                err.printf("Running the trap patterns under %s...%n", model.version());
                printTraps(out, model.version(), new RiskPatterns(model).all());
            }
            return 0;
        }
        AlertRules alertRules =
                ConfigFile.parse("--rules", rules, "alert-rules.yaml", AlertRules::fromYaml);
        List<Map<String, Object>> runs = new ArrayList<>();
        for (BacktestInput input : inputs(err)) {
            err.printf(
                    "%s: %,d events of %d tenants, %d accounts%s%n",
                    input.description(),
                    input.engagement().events(),
                    input.engagement().tenantCount(),
                    input.accounts().size(),
                    input.rejected() == 0
                            ? ""
                            : ", " + input.rejected() + " invalid records left out");
            List<BacktestReport> reports = new ArrayList<>();
            for (HealthModel model : healthModels) {
                BacktestRun run =
                        new BacktestRun(
                                new BacktestReplay(
                                        model,
                                        alertRules,
                                        partitions,
                                        java.util.Set.copyOf(explain)),
                                model);
                reports.add(run.report(input, err, out));
            }
            if (json) {
                Map<String, Object> run = new LinkedHashMap<>();
                run.put("input", input.description());
                run.put("reports", reports);
                runs.add(run);
            } else {
                out.println();
                out.println(input.description());
                dev.pulse.app.backtest.BacktestRun.printTable(out, reports);
            }
        }
        if (json) {
            out.println(
                    PulseJson.mapper()
                            .writerWithDefaultPrettyPrinter()
                            .writeValueAsString(Map.of("runs", runs)));
        }
        out.flush();
        return 0;
    }

    private static void printTraps(PrintWriter out, String version, List<RiskPatterns.Trap> all) {
        long held = all.stream().filter(RiskPatterns.Trap::passed).count();
        out.printf("Trap patterns under %s: %d of %d hold%n", version, held, all.size());
        for (RiskPatterns.Trap trap : all) {
            out.printf(
                    "  %-8s %s (expected: %s)%n",
                    trap.passed() ? "ok" : "MISSED", trap.pattern(), trap.expected());
            if (!trap.passed()) {
                trap.flagged()
                        .forEach(
                                (tenant, entries) ->
                                        entries.forEach(
                                                entry ->
                                                        out.printf(
                                                                "             %s %s%n",
                                                                tenant, entry)));
            }
        }
        out.println();
        out.flush();
    }

    private List<BacktestInput> inputs(PrintWriter err) throws Exception {
        if (fromKafka != null) {
            StoredEngagementReader reader =
                    new StoredEngagementReader(
                            // Client settings (security) from the environment: kafka.properties.
                            ConfigLoader.load(null, System.getenv())
                                    .kafka()
                                    .connection(fromKafka, TopicDefaults.BROKER_DEFAULT),
                            applicationId);
            err.println("Reading " + reader.changelogTopic() + " at " + fromKafka + " ...");
            return List.of(reader.read(n -> err.printf("  %,d stored days read%n", n)));
        }
        if (preset == null && (accountCount != null || overrides.given())) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(),
                    "--account-count, --days, --end and --volume-scale shape a generated history:"
                            + " give --generate PRESET too");
        }
        if (preset != null) {
            if (events != null || accounts != null) {
                throw new CommandLine.ParameterException(
                        spec.commandLine(),
                        "--generate cannot be combined with --events/--accounts");
            }
            List<BacktestInput> inputs = new ArrayList<>();
            for (long seed : seeds.isEmpty() ? List.of(1L) : seeds) {
                PortfolioScenario scenario;
                String title;
                try {
                    PortfolioScenario named = PortfolioScenario.preset(preset, seed);
                    scenario = overrides.apply(named, accountCount);
                    String changed = ScenarioOverrides.describe(named, scenario);
                    title = preset + " seed " + seed + (changed.isEmpty() ? "" : ", " + changed);
                } catch (IllegalArgumentException e) {
                    throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
                }
                err.printf("Generating %s...%n", title);
                LabelledPortfolio portfolio = PortfolioGenerator.generate(scenario);
                inputs.add(BacktestRun.fromPortfolio(title, portfolio));
            }
            return inputs;
        }
        if (events == null || accounts == null) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(),
                    "give --events and --accounts, or --generate PRESET (see --help)");
        }
        List<HolidayPeriod> holidays =
                scenario == null ? List.of() : BacktestInput.holidaysFrom(scenario);
        err.println("Reading " + events + " ...");
        return List.of(
                BacktestInput.fromFiles(
                        events, accounts, holidays, n -> err.printf("  %,d events read%n", n)));
    }
}
