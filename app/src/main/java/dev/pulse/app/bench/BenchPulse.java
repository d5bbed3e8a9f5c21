package dev.pulse.app.bench;

import dev.pulse.app.PulseApplication;
import dev.pulse.app.config.ConfigLoader;
import dev.pulse.app.config.PulseConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * A Pulse of the bench's own on its shipped defaults: an embedded broker and state under {@code
 * dir}, the API on a free port, no console notifications. Started again on the same {@code dir}, it
 * finds its broker log and state where it left them, as a restarted instance does.
 */
final class BenchPulse {
    private static final Duration START_TIMEOUT = Duration.ofMinutes(2);

    private BenchPulse() {}

    /**
     * How the Pulse under test is laid out.
     *
     * @param rocksDbCacheMb {@code streams.rocksDbCacheMb}; 0 for the shipped default
     */
    record Layout(String applicationId, int partitions, int threads, long rocksDbCacheMb) {
        /** On the shipped RocksDB budget. */
        Layout(String applicationId, int partitions, int threads) {
            this(applicationId, partitions, threads, 0);
        }

        /** The RocksDB budget it runs on. */
        long effectiveRocksDbCacheMb() {
            return rocksDbCacheMb > 0
                    ? rocksDbCacheMb
                    : ConfigLoader.load(null, Map.of()).streams().rocksDbCacheMb();
        }
    }

    /** Started and RUNNING (its state restored). */
    static PulseApplication startRunning(Path dir, Layout layout, BenchProgress progress) {
        PulseApplication app = start(dir, layout, progress);
        try {
            app.awaitRunning(START_TIMEOUT);
            return app;
        } catch (RuntimeException e) {
            app.close();
            throw e;
        }
    }

    /** Started: the API listens, the streams may still be restoring. */
    static PulseApplication start(Path dir, Layout layout, BenchProgress progress) {
        PulseConfig defaults = ConfigLoader.load(null, Map.of());
        PulseConfig config =
                defaults.withNotifier(defaults.notifier().withConsole(false))
                        .withKafka(new PulseConfig.Kafka("", dir.resolve("kafka").toString(), 0))
                        .withStreams(
                                new PulseConfig.Streams(
                                        layout.applicationId(),
                                        stateDirectory(dir).toString(),
                                        layout.partitions(),
                                        (short) 1,
                                        0,
                                        layout.threads(),
                                        layout.effectiveRocksDbCacheMb()))
                        .withApi(new PulseConfig.Api("127.0.0.1", 0, "127.0.0.1"));
        return PulseApplication.start(config, progress);
    }

    /** Where the instance started on {@code dir} keeps its Kafka Streams state. */
    static Path stateDirectory(Path dir) {
        return dir.resolve("state");
    }
}
