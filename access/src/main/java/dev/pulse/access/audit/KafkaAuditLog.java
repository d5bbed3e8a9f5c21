package dev.pulse.access.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.pulse.streams.connection.KafkaConnection;
import dev.pulse.topologies.json.PulseJson;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Appends audit entries to the audit topic as one hash chain per instance run.
 *
 * <p>{@link #append} chains the entry (seq, prevHash, hash) under a lock and hands it to an
 * idempotent {@code acks=all} producer without waiting: the caller is a request thread and must not
 * wait on the broker. The producer retries until its delivery timeout; a record that still fails is
 * logged at ERROR, counted in {@code pulse.audit.append.failures}, and shows up as a gap when the
 * chain is verified. Records are keyed by chain id, and idempotence keeps one chain's records in
 * order on the partition even across retries.
 */
public final class KafkaAuditLog implements AuditLog, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(KafkaAuditLog.class);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

    private final String topic;
    private final AuditChain chain;
    private final Producer<String, byte[]> producer;
    private final Counter records;
    private final Counter failures;

    /** A new chain on {@link AuditTopic#NAME}. */
    public KafkaAuditLog(KafkaConnection kafka, MeterRegistry meters) {
        this(kafka, AuditTopic.NAME, UUID.randomUUID().toString(), meters);
    }

    /**
     * @param chainId this writer's chain; must never be reused by another writer or a later run, or
     *     two chains would interleave under one id and read as broken
     */
    public KafkaAuditLog(
            KafkaConnection kafka, String topic, String chainId, MeterRegistry meters) {
        this.topic = Objects.requireNonNull(topic, "topic");
        this.chain = new AuditChain(chainId);
        this.records =
                Counter.builder("pulse.audit.records")
                        .description("Audit records acknowledged by Kafka")
                        .register(meters);
        this.failures =
                Counter.builder("pulse.audit.append.failures")
                        .description("Audit records that could not be written")
                        .register(meters);
        this.producer =
                new KafkaProducer<>(
                        kafka.clientConfig(producerConfig()),
                        new StringSerializer(),
                        new ByteArraySerializer());
    }

    public String chainId() {
        return chain.id();
    }

    @Override
    public synchronized void append(AuditEntry entry) {
        AuditRecord record = chain.seal(entry);
        try {
            producer.send(
                    new ProducerRecord<>(topic, chain.id(), serialize(record)),
                    (metadata, error) -> {
                        if (error == null) {
                            records.increment();
                        } else {
                            failed(record, error);
                        }
                    });
        } catch (RuntimeException e) {
            // Not handed to Kafka (closed, or the broker unreachable past max.block.ms): keep the
            // head where it is, so the chain stays gap-free; the entry is lost, loudly.
            failed(record, e);
            return;
        }
        chain.advance(record);
    }

    /** Blocks until every appended record has been acknowledged or has failed. */
    public void flush() {
        producer.flush();
    }

    /** Flushes, then closes the producer. */
    @Override
    public void close() {
        producer.close(CLOSE_TIMEOUT);
    }

    private void failed(AuditRecord record, Exception error) {
        failures.increment();
        LOG.error(
                "Audit record lost: chain {} seq {} ({} by {}): {}",
                record.chain(),
                record.seq(),
                record.entry().action(),
                record.entry().subject(),
                error.toString());
    }

    private static byte[] serialize(AuditRecord record) {
        try {
            return PulseJson.mapper().writeValueAsBytes(record);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an audit record is always serializable", e);
        }
    }

    private static Map<String, Object> producerConfig() {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "pulse-audit");
        config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        // Bounds how long append() can block a request thread when Kafka is unreachable.
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000);
        return config;
    }
}
