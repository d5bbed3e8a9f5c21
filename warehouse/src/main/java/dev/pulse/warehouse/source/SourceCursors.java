package dev.pulse.warehouse.source;

import dev.pulse.streams.runtime.KafkaTopics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * The durable cursors of warehouse sources: a compacted topic keyed by source name whose newest
 * committed value is how far that source has published. A source writes its cursor in the same
 * Kafka transaction as the events it read, so the cursor and the events are visible together or not
 * at all: a restart resumes after the last committed row, never before or beyond it.
 */
public final class SourceCursors {
    public static final String TOPIC = "pulse.warehouse-cursors.v1";
    private static final Duration POLL = Duration.ofMillis(200);

    private SourceCursors() {}

    public static void ensureTopic(String bootstrapServers, short replicationFactor) {
        KafkaTopics.ensure(
                bootstrapServers,
                List.of(
                        new NewTopic(TOPIC, 1, replicationFactor)
                                .configs(
                                        Map.of(
                                                TopicConfig.CLEANUP_POLICY_CONFIG,
                                                TopicConfig.CLEANUP_POLICY_COMPACT))));
    }

    static ProducerRecord<String, byte[]> record(String source, String cursor) {
        return new ProducerRecord<>(TOPIC, source, cursor.getBytes(StandardCharsets.UTF_8));
    }

    /** The newest committed cursor of {@code source}, read to the end of the topic. */
    public static Optional<String> read(String bootstrapServers, String source, Duration timeout) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        TopicPartition partition = new TopicPartition(TOPIC, 0);
        long deadline = System.nanoTime() + timeout.toNanos();
        try (KafkaConsumer<String, byte[]> consumer =
                new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            // Under read_committed the end is the last stable offset: nothing undecided is read.
            long end = consumer.endOffsets(List.of(partition), timeout).get(partition);
            String latest = null;
            while (consumer.position(partition, timeout) < end) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("cursor topic " + TOPIC + " not read in time");
                }
                for (ConsumerRecord<String, byte[]> r : consumer.poll(POLL)) {
                    if (source.equals(r.key())) {
                        latest =
                                r.value() == null
                                        ? null
                                        : new String(r.value(), StandardCharsets.UTF_8);
                    }
                }
            }
            return Optional.ofNullable(latest);
        }
    }
}
