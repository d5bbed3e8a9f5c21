package dev.pulse.app.bench;

import dev.pulse.app.PulseApplication;
import dev.pulse.streams.read.StateUnavailableException;
import dev.pulse.streams.read.TenantStateReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Restart to serving with a large state: a fresh Pulse loads a long history for many tenants
 * through the live topology, is closed gracefully and started again on the same state directory (a
 * rolling restart), then once more with the state directory gone (a lost disk, restored from the
 * changelogs). Reports, from each start: the API listening, {@code /health/ready}, every tenant
 * answering, all state restored, and how many changelog records were replayed.
 */
public final class RestartBenchmark {
    private static final String APPLICATION_ID = "pulse-bench-restart";
    private static final Duration START_WITHIN = Duration.ofMinutes(30);
    private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

    /**
     * @param days the history's length, ending yesterday; each tenant has about one event a day
     */
    public record Plan(
            int tenants, int days, int partitions, int threads, long seed, long rocksDbCacheMb) {
        public Plan {
            if (tenants < 1 || days < 1) {
                throw new IllegalArgumentException("--tenants and --history-days must be >= 1");
            }
            if (rocksDbCacheMb < 0) {
                throw new IllegalArgumentException(
                        "--rocksdb-cache-mb must be positive (or 0 for the shipped default), was "
                                + rocksDbCacheMb);
            }
            if ((long) tenants * days > Integer.MAX_VALUE) {
                throw new IllegalArgumentException(
                        "--tenants x --history-days must stay under 2^31 events");
            }
        }

        int events() {
            return tenants * days;
        }

        BenchPulse.Layout layout() {
            return new BenchPulse.Layout(APPLICATION_ID, partitions, threads, rocksDbCacheMb);
        }
    }

    /**
     * One start on the state a previous run left, in seconds from the start.
     *
     * @param listening the API accepts connections
     * @param serving {@code /health/ready} says ready
     * @param answering a read of every tenant's current score answers for each
     * @param restored Kafka Streams RUNNING: every local store caught up with its changelog
     * @param replayed changelog records replayed into local stores
     */
    public record Start(
            double listening, double serving, double answering, double restored, long replayed) {}

    /**
     * @param load the history through the live topology, from the first send until all counted
     * @param stateBytes the state directory's size after the load
     */
    public record Result(
            Plan plan,
            MachineInfo machine,
            Throughput load,
            long stateBytes,
            Start kept,
            Start lost) {
        public String describe() {
            return String.format(
                            Locale.ROOT,
                            "Restart benchmark on %s%n  %,d tenants, %d days of history: %,d events"
                                + " loaded at %,.0f events/s; state directory %,.0f MB; RocksDB"
                                + " budget %,d MB%n                                   state kept  "
                                + " state lost%n",
                            machine.describe(),
                            plan.tenants(),
                            plan.days(),
                            plan.events(),
                            load.perSecond(),
                            stateBytes / 1e6,
                            plan.layout().effectiveRocksDbCacheMb())
                    + row("API listening", kept.listening(), lost.listening())
                    + row("/health/ready (target < 30 s)", kept.serving(), lost.serving())
                    + row("every tenant answering", kept.answering(), lost.answering())
                    + row("all state restored (RUNNING)", kept.restored(), lost.restored())
                    + String.format(
                            Locale.ROOT,
                            "  %-32s %,10d   %,10d%n",
                            "changelog records replayed",
                            kept.replayed(),
                            lost.replayed());
        }

        private static String row(String label, double kept, double lost) {
            return String.format(Locale.ROOT, "  %-32s %9.1f s  %9.1f s%n", label, kept, lost);
        }
    }

    private final Plan plan;
    private final BenchProgress progress;

    public RestartBenchmark(Plan plan, BenchProgress progress) {
        this.plan = plan;
        this.progress = progress;
    }

    public Result run() {
        MachineInfo machine = MachineInfo.current();
        progress.step("Machine: " + machine.describe());
        BenchTenants tenants = BenchTenants.of(plan.tenants());
        try (ScratchDirectory scratch = ScratchDirectory.create("pulse-bench-restart-")) {
            Path dir = scratch.path();
            Throughput load = load(dir, tenants);
            long stateBytes = sizeOf(BenchPulse.stateDirectory(dir));
            progress.step("Phase 2/3: restart on the state directory kept (a rolling restart)");
            Start kept = restart(dir, tenants);
            progress.step("Phase 3/3: restart with the state directory gone (a lost disk)");
            ScratchDirectory.deleteRecursively(BenchPulse.stateDirectory(dir));
            Start lost = restart(dir, tenants);
            return new Result(plan, machine, load, stateBytes, kept, lost);
        }
    }

    private Throughput load(Path dir, BenchTenants tenants) {
        progress.step(
                String.format(
                        Locale.ROOT,
                        "Phase 1/3: %,d events for %,d tenants over %d days through the live"
                                + " topology of a fresh Pulse",
                        plan.events(),
                        plan.tenants(),
                        plan.days()));
        GeneratedEvents events =
                BenchHistory.spread(tenants, plan.events(), plan.days(), plan.seed());
        try (PulseApplication app = BenchPulse.startRunning(dir, plan.layout(), progress)) {
            Throughput load =
                    new IngestBenchmark(
                                    app.bootstrapServers(),
                                    new PipelineCounters(app.meterRegistry()),
                                    progress)
                            .run(tenants, events)
                            .pipeline();
            awaitAnswering(app.reader(), tenants.ids(), System.nanoTime());
            progress.step(
                    String.format(
                            Locale.ROOT,
                            "  %,.0f events/s; closing it gracefully",
                            load.perSecond()));
            return load;
        }
    }

    private Start restart(Path dir, BenchTenants tenants) {
        long start = System.nanoTime();
        try (PulseApplication app = BenchPulse.start(dir, plan.layout(), progress)) {
            double listening = secondsSince(start);
            double serving = -1;
            double answering = -1;
            double restored = -1;
            long deadline = start + START_WITHIN.toNanos();
            while (serving < 0 || answering < 0 || restored < 0) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(
                            "not serving every tenant " + START_WITHIN + " after the restart");
                }
                if (serving < 0 && app.streams().isServing()) {
                    serving = secondsSince(start);
                }
                if (answering < 0 && answersAll(app.reader(), tenants.ids())) {
                    answering = secondsSince(start);
                }
                if (restored < 0 && app.streams().isRunning()) {
                    restored = secondsSince(start);
                }
                pause();
            }
            Start figures =
                    new Start(
                            listening,
                            serving,
                            answering,
                            restored,
                            app.streams().restores().recordsReplayed());
            progress.step(
                    String.format(
                            Locale.ROOT,
                            "  ready %.1f s, every tenant answering %.1f s, restored %.1f s,"
                                    + " %,d changelog records replayed",
                            serving,
                            answering,
                            restored,
                            figures.replayed()));
            return figures;
        }
    }

    private static void awaitAnswering(TenantStateReader reader, List<String> ids, long from) {
        long deadline = from + START_WITHIN.toNanos();
        while (!answersAll(reader, ids)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("not every tenant has a score");
            }
            pause();
        }
    }

    /** Every tenant's current score reads; a store not readable yet is "not yet". */
    private static boolean answersAll(TenantStateReader reader, List<String> ids) {
        try {
            return reader.currentScores(ids).size() == ids.size();
        } catch (StateUnavailableException notYet) {
            return false;
        }
    }

    private static void pause() {
        try {
            TimeUnit.NANOSECONDS.sleep(POLL_NANOS); // polling with a deadline, as ProgressWait
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static double secondsSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static long sizeOf(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(RestartBenchmark::size).sum();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot measure " + dir, e);
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException gone) {
            return 0; // RocksDB removed it while we walked
        }
    }
}
