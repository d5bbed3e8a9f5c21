package dev.pulse.warehouse.source;

import dev.pulse.streams.connection.KafkaConnection;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.CooperativeStickyAssignor;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Which instance runs a warehouse source: a consumer group named after the source, on the
 * one-partition {@link SourceCursors#TOPIC}. The member that is assigned that partition runs the
 * source; every other instance stands by. When the runner leaves the group (it stops, or its
 * session expires), another member is assigned the partition and takes over; its transactional
 * producer, having the same transactional id, fences whatever the old runner still had open. Sticky
 * assignment keeps the lease where it is when instances join.
 *
 * <p>Not thread-safe: the source's own thread polls it.
 */
final class SourceLease implements AutoCloseable {
    /** Kafka's default {@code max.poll.interval.ms}. */
    static final Duration MAX_POLL_INTERVAL = Duration.ofMinutes(5);

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final Duration maxPollInterval;

    /**
     * @param maxPollInterval how long the runner may go without {@link #held} before the group
     *     counts it as gone and hands the lease on
     */
    SourceLease(KafkaConnection kafka, String source, Duration maxPollInterval) {
        this.maxPollInterval = maxPollInterval;
        // The lease's own settings win over kafka.properties: a shorter max.poll.interval.ms than
        // heartbeat() assumes, an eager assignor, or the new consumer protocol (which refuses
        // client-side assignors) would each move or break the lease.
        Map<String, Object> props = new HashMap<>(kafka.clientConfig(Map.of()));
        props.put(ConsumerConfig.GROUP_PROTOCOL_CONFIG, "classic");
        props.put(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG, (int) maxPollInterval.toMillis());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "pulse-warehouse-source-" + source);
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "pulse-warehouse-source-lease-" + source);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(
                ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG,
                CooperativeStickyAssignor.class.getName());
        consumer =
                new KafkaConsumer<>(
                        props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        consumer.subscribe(List.of(SourceCursors.TOPIC));
    }

    /**
     * Keeps this instance's membership alive (waiting up to {@code wait} for the group) and says
     * whether it holds the lease now. The cursor records themselves are never fetched.
     */
    boolean held(Duration wait) {
        consumer.poll(wait);
        consumer.pause(consumer.assignment());
        return !consumer.assignment().isEmpty();
    }

    /**
     * Whether this instance has joined the group yet: until then, not holding the lease means
     * nothing (a broker delays the first rebalance by {@code group.initial.rebalance.delay.ms}, 3 s
     * by default).
     */
    boolean joined() {
        return consumer.groupMetadata().generationId() > 0;
    }

    /**
     * The longest the runner should wait between two calls of {@link #held}: well inside the poll
     * interval, so a long pause between reads (a slow poll interval, a long back-off) does not hand
     * the lease to another instance.
     */
    Duration heartbeat() {
        return maxPollInterval.dividedBy(3);
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(10));
    }
}
