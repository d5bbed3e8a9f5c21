package dev.pulse.streams.read;

import dev.pulse.topologies.topic.PulseStores;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.LagInfo;

/**
 * How far this instance's copy of a tenant partition is behind its changelog, from Kafka Streams'
 * {@code allLocalStorePartitionLags()}. That call asks the brokers for end offsets, so its answer
 * is kept for a second: it is only asked when a read falls back to a copy.
 */
final class ChangelogLags {
    private static final long KEPT_NANOS = Duration.ofSeconds(1).toNanos();

    private final KafkaStreams streams;
    private volatile Snapshot snapshot;

    private record Snapshot(long takenAtNanos, Map<String, Map<Integer, LagInfo>> lags) {}

    ChangelogLags(KafkaStreams streams) {
        this.streams = streams;
    }

    /** Records the score store's copy of {@code partition} is behind; -1 when not known. */
    long of(int partition) {
        Snapshot current = snapshot;
        if (current == null || System.nanoTime() - current.takenAtNanos > KEPT_NANOS) {
            try {
                current = new Snapshot(System.nanoTime(), streams.allLocalStorePartitionLags());
            } catch (RuntimeException notNow) {
                // Not running, or the brokers did not answer: the lag is unknown, the read stands.
                return -1;
            }
            snapshot = current;
        }
        Map<Integer, LagInfo> scores = current.lags.get(PulseStores.HEALTH_SCORES);
        LagInfo lag = scores == null ? null : scores.get(partition);
        return lag == null ? -1 : lag.offsetLag();
    }
}
