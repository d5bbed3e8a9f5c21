package dev.pulse.backfill.publish;

import dev.pulse.topologies.engagement.BackfilledDay;
import dev.pulse.topologies.topic.PulseTopics;
import dev.pulse.topologies.topic.Topic;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Publishes tenant-days on {@code pulse.engagement-backfill.v1}, keyed by tenant, where the health
 * pipeline loads them. One idempotent producer in the job's order keeps each partition in day
 * order, retries included.
 */
public final class KafkaDayPublisher implements DaySink {
    private static final Topic<String, BackfilledDay> TOPIC = PulseTopics.ENGAGEMENT_BACKFILL;

    private final KafkaProducer<String, BackfilledDay> producer;
    private final AtomicReference<Exception> failure = new AtomicReference<>();

    /** On a plaintext broker with the client defaults (tests, the embedded broker). */
    public KafkaDayPublisher(String bootstrapServers) {
        this(
                settings -> {
                    Map<String, Object> config = new HashMap<>(settings);
                    config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
                    return config;
                });
    }

    /**
     * @param connection completes this publisher's producer settings with how to reach the cluster
     *     (bootstrap servers, security): Pulse's {@code KafkaConnection::clientConfig}
     */
    public KafkaDayPublisher(UnaryOperator<Map<String, Object>> connection) {
        this.producer =
                new KafkaProducer<>(
                        connection.apply(
                                Map.of(
                                        ProducerConfig.ACKS_CONFIG,
                                        "all",
                                        ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                                        true,
                                        ProducerConfig.LINGER_MS_CONFIG,
                                        20,
                                        ProducerConfig.COMPRESSION_TYPE_CONFIG,
                                        "lz4",
                                        ProducerConfig.CLIENT_ID_CONFIG,
                                        "pulse-backfill")),
                        TOPIC.keySerde().serializer(),
                        TOPIC.valueSerde().serializer());
    }

    @Override
    public void accept(BackfilledDay day) {
        throwIfFailed();
        producer.send(
                new ProducerRecord<>(TOPIC.name(), day.tenantId(), day),
                (metadata, error) -> {
                    if (error != null) {
                        failure.compareAndSet(null, error);
                    }
                });
    }

    @Override
    public void flush() {
        producer.flush();
        throwIfFailed();
    }

    private void throwIfFailed() {
        Exception error = failure.get();
        if (error != null) {
            throw new IllegalStateException(
                    "could not publish to " + TOPIC.name() + ": " + error.getMessage(), error);
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
