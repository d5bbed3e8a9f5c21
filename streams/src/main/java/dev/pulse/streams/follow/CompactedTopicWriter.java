package dev.pulse.streams.follow;

import dev.pulse.streams.connection.KafkaConnection;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Writes to a compacted topic that every instance keeps as a table ({@link LatestByKey} fed by a
 * {@link TopicFollower}), waiting for the broker's ack (acks=all, idempotent) so the writer can
 * apply the record to its own table at once, with the offset the follower will see again.
 */
public final class CompactedTopicWriter implements AutoCloseable {
    private static final Duration WRITE_TIMEOUT = Duration.ofSeconds(15);

    private final String topic;
    private final String what;
    private final Producer<String, byte[]> producer;

    /**
     * @param what names the records in error messages ("API key", "report schedule")
     */
    public CompactedTopicWriter(KafkaConnection kafka, String topic, String clientId, String what) {
        this.topic = topic;
        this.what = what;
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) WRITE_TIMEOUT.toMillis());
        this.producer =
                new KafkaProducer<>(
                        kafka.clientConfig(config),
                        new StringSerializer(),
                        new ByteArraySerializer());
    }

    /**
     * Writes {@code value} (null: a tombstone) under {@code key} and waits for the ack.
     *
     * @return the record's offset
     * @throws IllegalStateException when the broker does not acknowledge it in time
     */
    public long write(ProducerRecord<String, byte[]> record) {
        String key = record.key();
        try {
            return producer.send(record)
                    .get(WRITE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                    .offset();
        } catch (ExecutionException e) {
            throw new IllegalStateException(
                    "could not store " + what + " " + key + ": " + e.getCause().getMessage(),
                    e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException(
                    "could not store " + what + " " + key + ": no ack within " + WRITE_TIMEOUT, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while storing " + what + " " + key, e);
        }
    }

    /**
     * Sends {@code value} (null: a tombstone) under {@code key} without waiting: many writes share
     * the producer's batches. Completes with the record's offset once the broker acknowledged it.
     */
    public CompletableFuture<Long> send(String key, byte[] value) {
        CompletableFuture<Long> acked = new CompletableFuture<>();
        producer.send(
                new ProducerRecord<>(topic, key, value),
                (metadata, error) -> {
                    if (error == null) {
                        acked.complete(metadata.offset());
                    } else {
                        acked.completeExceptionally(error);
                    }
                });
        return acked;
    }

    /** {@link #write(ProducerRecord)} of a plain record on this writer's topic. */
    public long write(String key, byte[] value) {
        return write(new ProducerRecord<>(topic, key, value));
    }

    public String topic() {
        return topic;
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(10));
    }
}
