package dev.pulse.app.bench;

import dev.pulse.app.PulseApplication;
import dev.pulse.backfill.Backfill;
import dev.pulse.backfill.BackfillProgress;
import dev.pulse.backfill.BackfillSummary;
import dev.pulse.backfill.FlinkTarget;
import dev.pulse.backfill.publish.KafkaDayPublisher;
import dev.pulse.backfill.source.EventFileFormat;
import dev.pulse.backfill.source.FileEventSource;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Loading history, two ways, with the same events on the same machine: replayed through the live
 * topology (a fresh Pulse counts every event), and backfilled with the Flink job (in-process, the
 * tenant-days published to a second fresh Pulse, which loads and scores them). Reports events per
 * second of each: the job alone, and the backfill until Pulse has loaded every day.
 */
public final class BackfillBenchmark {
    /**
     * @param days the history's length, ending yesterday
     * @param parallelism Flink parallelism; 0: one per core
     * @param replay false: the backfill alone, without the replay to compare with
     * @param rocksDbCacheMb {@code streams.rocksDbCacheMb} of both Pulses; 0 for the shipped
     *     default
     */
    public record Plan(
            int events,
            int tenants,
            int days,
            int partitions,
            int threads,
            int parallelism,
            long seed,
            boolean replay,
            long rocksDbCacheMb) {

        BenchPulse.Layout layout() {
            return new BenchPulse.Layout(
                    "pulse-bench-backfill", partitions, threads, rocksDbCacheMb);
        }
    }

    /**
     * @param live events through the live topology, from the first send until all were counted
     * @param job events through the Flink job, from submission until every tenant-day was published
     * @param loaded the same events, from submission until Pulse had loaded every tenant-day
     * @param served from submission until every end-of-day score Pulse computed was readable
     * @param scoresServed end-of-day scores readable then, over every tenant
     * @param live null when the replay was not run
     */
    public record Result(
            Plan plan,
            MachineInfo machine,
            Throughput live,
            Throughput job,
            Throughput loaded,
            Throughput served,
            long scoresServed,
            BackfillSummary summary) {
        /** Issue 13's figure: events/s through the Flink job against the live topology's. */
        public double jobSpeedup() {
            return job.perSecond() / live.perSecond();
        }

        /** The whole hand-over: until Pulse has loaded (and closed) every backfilled day. */
        public double loadedSpeedup() {
            return loaded.perSecond() / live.perSecond();
        }

        public String describe() {
            return String.format(
                            Locale.ROOT,
                            "Backfill benchmark on %s%n"
                                    + "  %,d events, %,d tenants, %d days (%,d tenant-days),"
                                    + " RocksDB budget %,d MB per Pulse%n",
                            machine.describe(),
                            plan.events(),
                            plan.tenants(),
                            plan.days(),
                            summary.tenantDays(),
                            plan.layout().effectiveRocksDbCacheMb())
                    + (live == null
                            ? "  live topology (replay):        not run (--no-replay)\n"
                            : line("live topology (replay):       ", live))
                    + line(
                            String.format(
                                    Locale.ROOT,
                                    "Flink job, in-process (p=%s):  ",
                                    plan.parallelism() > 0
                                            ? String.valueOf(plan.parallelism())
                                            : "cores"),
                            job)
                    + line("backfill until loaded in Pulse:", loaded)
                    + String.format(
                            Locale.ROOT,
                            "  scored and served: %,d end-of-day scores readable %.1f s after the"
                                    + " start%n",
                            scoresServed,
                            served.elapsed().toMillis() / 1000.0)
                    + (live == null
                            ? ""
                            : String.format(
                                    Locale.ROOT,
                                    "  speed-up, Flink job vs live: %.1fx (target >= 5x);"
                                            + " loaded in Pulse vs live: %.1fx%n",
                                    jobSpeedup(),
                                    loadedSpeedup()));
        }

        private static String line(String label, Throughput throughput) {
            return String.format(
                    Locale.ROOT,
                    "  %s%,10.0f events/s  (%.1f s)%n",
                    label,
                    throughput.perSecond(),
                    throughput.elapsed().toMillis() / 1000.0);
        }
    }

    private final Plan plan;
    private final BenchProgress progress;

    public BackfillBenchmark(Plan plan, BenchProgress progress) {
        this.plan = plan;
        this.progress = progress;
    }

    public Result run() {
        MachineInfo machine = MachineInfo.current();
        progress.step("Machine: " + machine.describe());
        BenchTenants tenants = BenchTenants.of(plan.tenants());
        progress.step(
                String.format(
                        Locale.ROOT,
                        "Generating %,d events for %,d tenants over %d days",
                        plan.events(),
                        plan.tenants(),
                        plan.days()));
        GeneratedEvents events =
                BenchHistory.spread(tenants, plan.events(), plan.days(), plan.seed());
        try (ScratchDirectory scratch = ScratchDirectory.create("pulse-bench-backfill-")) {
            Path file = scratch.path().resolve("events.ndjson");
            write(events, file);
            Throughput live =
                    plan.replay() ? live(scratch.path().resolve("live"), tenants, events) : null;
            return backfill(scratch.path().resolve("backfill"), file, tenants, live, machine);
        }
    }

    private BenchPulse.Layout layout() {
        return plan.layout();
    }

    private Throughput live(Path dir, BenchTenants tenants, GeneratedEvents events) {
        progress.step("Phase 1/2: replay through the live topology of a fresh Pulse");
        try (PulseApplication app = BenchPulse.startRunning(dir, layout(), progress)) {
            CpuMeter.Snapshot cpu = CpuMeter.now();
            IngestBenchmark.Result ingest =
                    new IngestBenchmark(
                                    app.bootstrapServers(),
                                    new PipelineCounters(app.meterRegistry()),
                                    progress)
                            .run(tenants, events);
            progress.step(
                    String.format(
                            Locale.ROOT,
                            "  %,.0f events/s (CPU: %s)",
                            ingest.pipeline().perSecond(),
                            CpuMeter.between(cpu, CpuMeter.now()).describe()));
            return ingest.pipeline();
        }
    }

    private Result backfill(
            Path dir, Path file, BenchTenants tenants, Throughput live, MachineInfo machine) {
        progress.step(
                plan.replay()
                        ? "Phase 2/2: Flink backfill into a second fresh Pulse"
                        : "Flink backfill into a fresh Pulse (no replay to compare with)");
        try (PulseApplication app = BenchPulse.startRunning(dir, layout(), progress)) {
            PipelineCounters counters = new PipelineCounters(app.meterRegistry());
            CpuMeter.Snapshot cpu = CpuMeter.now();
            long start = System.nanoTime();
            BackfillSummary summary;
            try (KafkaDayPublisher publisher = new KafkaDayPublisher(app.bootstrapServers())) {
                summary =
                        new Backfill(
                                        new FlinkTarget(null, plan.parallelism()),
                                        BackfillProgress.SILENT)
                                .run(
                                        FileEventSource.of(file.toString(), EventFileFormat.NDJSON),
                                        publisher);
            }
            long published = System.nanoTime();
            long loaded = awaitLoaded(counters, summary.tenantDays());
            ServedScores served = ServedScores.await(app.reader(), tenants.ids(), plan.days());
            progress.step(
                    String.format(
                            Locale.ROOT,
                            "  job %.1f s, loaded after %.1f s, %,d end-of-day scores served after"
                                    + " %.1f s (CPU: %s)",
                            (published - start) / 1e9,
                            (loaded - start) / 1e9,
                            served.scores(),
                            (served.at() - start) / 1e9,
                            CpuMeter.between(cpu, CpuMeter.now()).describe()));
            return new Result(
                    plan,
                    machine,
                    live,
                    Throughput.between(summary.eventsRead(), start, published),
                    Throughput.between(summary.eventsRead(), start, loaded),
                    Throughput.between(summary.eventsRead(), start, served.at()),
                    served.scores(),
                    summary);
        } catch (Exception e) {
            throw new IllegalStateException("the backfill failed: " + e.getMessage(), e);
        }
    }

    /** Returns System.nanoTime() when Pulse had loaded {@code days} tenant-days. */
    private long awaitLoaded(PipelineCounters counters, long days) {
        return ProgressWait.until(
                counters::backfilledDays,
                days,
                "backfilled tenant-days Pulse loaded",
                () -> "",
                progress::step);
    }

    private static void write(GeneratedEvents events, Path file) {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
            for (int i = 0; i < events.size(); i++) {
                out.write(events.value(i));
                out.write('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
