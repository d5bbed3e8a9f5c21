package dev.pulse.warehouse.source;

import dev.pulse.streams.connection.KafkaConnection;
import dev.pulse.streams.runtime.KafkaTopics;
import dev.pulse.streams.runtime.PulseTopicsAdmin;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

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

    public static void ensureTopic(KafkaConnection kafka) {
        KafkaTopics.ensure(
                kafka,
                List.of(
                        PulseTopicsAdmin.topic(TOPIC, 1)
                                .configs(
                                        Map.of(
                                                TopicConfig.CLEANUP_POLICY_CONFIG,
                                                TopicConfig.CLEANUP_POLICY_COMPACT))));
    }

    static ProducerRecord<String, byte[]> record(String source, String cursor) {
        return new ProducerRecord<>(TOPIC, source, cursor.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Sets {@code source}'s cursor outside its own transactions: a backfill that read the table up
     * to {@code cursor} hands the rest to the live source. Only for a source that is not running.
     */
    public static void handOver(KafkaConnection kafka, String source, String cursor) {
        Map<String, Object> props = new HashMap<>();
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, byte[]> producer =
                new KafkaProducer<>(
                        kafka.clientConfig(props),
                        new StringSerializer(),
                        new ByteArraySerializer())) {
            producer.send(record(source, cursor)).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted handing over cursor of " + source, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException(
                    "could not write the cursor of " + source + " to " + TOPIC, e);
        }
    }

    /** The newest committed cursor of {@code source}, read to the end of the topic. */
    public static Optional<String> read(KafkaConnection kafka, String source, Duration timeout) {
        Map<String, Object> props = new HashMap<>();
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        TopicPartition partition = new TopicPartition(TOPIC, 0);
        long deadline = System.nanoTime() + timeout.toNanos();
        try (KafkaConsumer<String, byte[]> consumer =
                new KafkaConsumer<>(
                        kafka.clientConfig(props),
                        new StringDeserializer(),
                        new ByteArrayDeserializer())) {
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
