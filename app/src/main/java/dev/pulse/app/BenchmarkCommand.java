package dev.pulse.app;

import dev.pulse.app.bench.BackfillBenchmark;
import dev.pulse.app.bench.BatchDesignBenchmark;
import dev.pulse.app.bench.BenchPlan;
import dev.pulse.app.bench.BenchProgress;
import dev.pulse.app.bench.BenchResults;
import dev.pulse.app.bench.BenchmarkRun;
import dev.pulse.app.bench.DashboardPlan;
import dev.pulse.app.bench.RestartBenchmark;
import dev.pulse.app.bench.ResultTable;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Measures Pulse on this machine against its targets; see docs/benchmarks.md. */
@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        description = {
            "Benchmark a fresh Pulse (embedded broker, temporary state) on this machine:",
            "producer baseline, ingest through the topologies, event-to-API freshness,",
            "portfolio and point query latency under concurrent clients, cold page loads of",
            "the dashboard in Chromium, alone and while other signed-in people browse, and the",
            "status quo beside it: the same events rolled up hourly in PostgreSQL."
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  ./pulse bench                                   the full run (docs/benchmarks.md)",
            "  ./pulse bench --events 100000 --no-dashboard    a quick one without a browser",
            "  ./pulse bench --restart --tenants 10000         restart to serving, a year of"
                    + " history"
        })
final class BenchmarkCommand implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(
            names = "--events",
            defaultValue = "1000000",
            description = "Usage events to ingest (default: ${DEFAULT-VALUE}).")
    int events;

    @Option(
            names = "--tenants",
            defaultValue = "1000",
            description = "Tenants, 30 per account manager (default: ${DEFAULT-VALUE}).")
    int tenants;

    @Option(
            names = "--samples",
            defaultValue = "200",
            description = "End-to-end freshness samples (default: ${DEFAULT-VALUE}).")
    int samples;

    @Option(
            names = "--query-seconds",
            defaultValue = "10",
            description = "Measured seconds of each query load (default: ${DEFAULT-VALUE}).")
    int querySeconds;

    @Option(
            names = "--warmup-seconds",
            defaultValue = "2",
            description = "Unrecorded seconds before each query load (default: ${DEFAULT-VALUE}).")
    int warmupSeconds;

    @Option(
            names = "--concurrency",
            defaultValue = "200",
            description = "Concurrent closed-loop HTTP clients (default: ${DEFAULT-VALUE}).")
    int concurrency;

    @Option(
            names = "--partitions",
            defaultValue = "6",
            description = "Partitions of the usage-events topic (default: ${DEFAULT-VALUE}).")
    int partitions;

    @Option(
            names = "--threads",
            defaultValue = "2",
            description = "Kafka Streams threads (default: ${DEFAULT-VALUE}).")
    int threads;

    @Option(
            names = "--seed",
            defaultValue = "42",
            description = "Seed of the generated data (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(
            names = "--report-renders",
            defaultValue = "20",
            description =
                    "Renders of each report in the reports phase; 0 skips it"
                            + " (default: ${DEFAULT-VALUE}).")
    int reportRenders;

    @Option(
            names = "--no-dashboard",
            description = "Skip the dashboard phase (Chromium page loads).")
    boolean skipDashboard;

    @Option(
            names = "--browser",
            defaultValue = "/usr/bin/chromium",
            description = "Chromium for the dashboard phase (default: ${DEFAULT-VALUE}).")
    Path browser;

    @Option(
            names = "--page-loads",
            defaultValue = "10",
            description =
                    "Cold loads of each dashboard page, alone and again under load"
                            + " (default: ${DEFAULT-VALUE}).")
    int pageLoads;

    @Option(
            names = "--browsing-users",
            defaultValue = "49",
            description =
                    "Other signed-in people browsing during the second round of page loads"
                            + " (default: ${DEFAULT-VALUE}).")
    int browsingUsers;

    @Option(
            names = "--batch-database",
            defaultValue = BatchDesignBenchmark.DEFAULT_DATABASE,
            description =
                    "PostgreSQL for the status quo beside Pulse (the same events rolled up by an"
                            + " hourly batch job) and for the warehouse sink over the run's"
                            + " results, each in a scratch schema dropped afterwards"
                            + " (default: ${DEFAULT-VALUE}).")
    String batchDatabase;

    @Option(
            names = "--no-batch",
            description = "Skip the phases that need PostgreSQL: the batch design and the sink.")
    boolean skipBatch;

    @Option(
            names = "--backfill",
            description =
                    "Instead of the phases above: the same history replayed through the live"
                            + " topology and backfilled with the Flink job, events/s of each"
                            + " (see docs/backfill.md).")
    boolean backfill;

    @Option(
            names = "--backfill-days",
            defaultValue = "90",
            description = "Days of history in the backfill mode (default: ${DEFAULT-VALUE}).")
    int backfillDays;

    @Option(
            names = "--no-replay",
            description =
                    "In the backfill mode: the backfill alone, without the replay through the"
                            + " live topology to compare with (long histories).")
    boolean skipReplay;

    @Option(
            names = "--flink-parallelism",
            defaultValue = "0",
            description = "Flink parallelism in the backfill mode; 0: one per core.")
    int flinkParallelism;

    @Option(
            names = "--restart",
            description =
                    "Instead of the phases above: restart to serving with a large state. Loads"
                            + " --history-days of history for --tenants (about one event per"
                            + " tenant a day), restarts on the kept state, then with the state"
                            + " lost. The preset: --restart --tenants 10000 --history-days 365.")
    boolean restart;

    @Option(
            names = "--history-days",
            defaultValue = "365",
            description = "Days of history in the restart mode (default: ${DEFAULT-VALUE}).")
    int historyDays;

    @Option(
            names = "--rocksdb-cache-mb",
            defaultValue = "0",
            description =
                    "In the restart and backfill modes: streams.rocksDbCacheMb of the Pulse"
                            + " under test, the RocksDB memory all its stores share (default: the"
                            + " shipped configuration's; docs/deployment.md says how to size it).")
    long rocksDbCacheMb;

    @Override
    public Integer call() {
        if (backfill) {
            return backfill();
        }
        if (restart) {
            return restart();
        }
        BenchPlan plan = plan();
        PrintWriter out = spec.commandLine().getOut();
        BenchResults results = new BenchmarkRun(plan, new BenchProgress(out)).run();
        out.println();
        out.print(ResultTable.render(results));
        out.flush();
        return 0;
    }

    private int restart() {
        RestartBenchmark.Plan plan;
        try {
            plan =
                    new RestartBenchmark.Plan(
                            tenants, historyDays, partitions, threads, seed, rocksDbCacheMb);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        PrintWriter out = spec.commandLine().getOut();
        RestartBenchmark.Result result = new RestartBenchmark(plan, new BenchProgress(out)).run();
        out.println();
        out.print(result.describe());
        out.flush();
        return 0;
    }

    private int backfill() {
        PrintWriter out = spec.commandLine().getOut();
        BackfillBenchmark.Result result =
                new BackfillBenchmark(
                                new BackfillBenchmark.Plan(
                                        events,
                                        tenants,
                                        backfillDays,
                                        partitions,
                                        threads,
                                        flinkParallelism,
                                        seed,
                                        !skipReplay,
                                        rocksDbCacheMb),
                                new BenchProgress(out))
                        .run();
        out.println();
        out.print(result.describe());
        out.flush();
        return 0;
    }

    private BenchPlan plan() {
        try {
            if (!skipBatch) {
                BatchDesignBenchmark.checkUrl(batchDatabase);
            }
            return new BenchPlan(
                    events,
                    tenants,
                    samples,
                    Duration.ofSeconds(querySeconds),
                    Duration.ofSeconds(warmupSeconds),
                    concurrency,
                    partitions,
                    threads,
                    seed,
                    reportRenders,
                    new DashboardPlan(
                            !skipDashboard,
                            browser,
                            pageLoads,
                            browsingUsers,
                            Duration.ofSeconds(1)),
                    skipBatch ? Optional.empty() : Optional.of(batchDatabase));
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
    }
}
