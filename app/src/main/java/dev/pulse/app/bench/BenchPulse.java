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

    /** Started and RUNNING (its state restored), on the shipped RocksDB budget. */
    static PulseApplication startRunning(
            Path dir, String applicationId, int partitions, int threads, BenchProgress progress) {
        return startRunning(dir, applicationId, partitions, threads, 0, progress);
    }

    /**
     * Started and RUNNING (its state restored).
     *
     * @param rocksDbCacheMb {@code streams.rocksDbCacheMb}; 0 for the shipped default
     */
    static PulseApplication startRunning(
            Path dir,
            String applicationId,
            int partitions,
            int threads,
            long rocksDbCacheMb,
            BenchProgress progress) {
        PulseApplication app =
                start(dir, applicationId, partitions, threads, rocksDbCacheMb, progress);
        try {
            app.awaitRunning(START_TIMEOUT);
            return app;
        } catch (RuntimeException e) {
            app.close();
            throw e;
        }
    }

    /**
     * Started: the API listens, the streams may still be restoring.
     *
     * @param rocksDbCacheMb {@code streams.rocksDbCacheMb}; 0 for the shipped default
     */
    static PulseApplication start(
            Path dir,
            String applicationId,
            int partitions,
            int threads,
            long rocksDbCacheMb,
            BenchProgress progress) {
        PulseConfig defaults = ConfigLoader.load(null, Map.of());
        PulseConfig config =
                defaults.withNotifier(defaults.notifier().withConsole(false))
                        .withKafka(new PulseConfig.Kafka("", dir.resolve("kafka").toString(), 0))
                        .withStreams(
                                new PulseConfig.Streams(
                                        applicationId,
                                        stateDirectory(dir).toString(),
                                        partitions,
                                        (short) 1,
                                        0,
                                        threads,
                                        rocksDbCacheMb(rocksDbCacheMb)))
                        .withApi(new PulseConfig.Api("127.0.0.1", 0, "127.0.0.1"));
        return PulseApplication.start(config, progress);
    }

    /** The RocksDB budget a start with {@code requested} (0: the shipped default) runs on. */
    static long rocksDbCacheMb(long requested) {
        return requested > 0
                ? requested
                : ConfigLoader.load(null, Map.of()).streams().rocksDbCacheMb();
    }

    /** Where the instance started on {@code dir} keeps its Kafka Streams state. */
    static Path stateDirectory(Path dir) {
        return dir.resolve("state");
    }
}
