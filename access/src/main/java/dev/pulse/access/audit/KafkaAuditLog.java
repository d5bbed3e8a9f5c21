package dev.pulse.access.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.pulse.streams.connection.KafkaConnection;
import dev.pulse.topologies.json.PulseJson;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Appends audit entries to the audit topic as one hash chain per instance run, off the caller's
 * thread.
 *
 * <p>{@link #append} only queues the entry: the caller is a request thread (a Vert.x event loop)
 * and must neither hash, serialize nor wait on the broker. One writer thread takes the queued
 * entries every 5 ms, chains each (seq, prevHash, hash) and hands the batch to an idempotent {@code
 * acks=all} producer.
 *
 * <p>The guarantee, precisely: when {@code append} returns, the entry is queued in this process; it
 * is durable once Kafka acknowledges it, normally a few milliseconds later ({@code
 * pulse.audit.records} counts acknowledgements, {@code pulse.audit.queue} what waits). A request is
 * therefore answered before its record is durable, and a process killed in between loses the
 * records not yet acknowledged: the chain then simply ends early, it does not read as broken. A
 * record Kafka refuses until the producer's delivery timeout is logged at ERROR, counted in {@code
 * pulse.audit.append.failures}, and shows up as a gap when the chain is verified. {@link #close}
 * writes everything queued before it returns. When the queue is full (Kafka unreachable for a
 * while), {@code append} waits up to five seconds for room, then drops the entry loudly (ERROR and
 * the failure counter), so that an outage of the audit topic cannot hang the API.
 *
 * <p>Records are keyed by chain id, and idempotence keeps one chain's records in order on the
 * partition even across retries.
 */
public final class KafkaAuditLog implements AuditLog, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(KafkaAuditLog.class);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration FULL_QUEUE_WAIT = Duration.ofSeconds(5);
    private static final int QUEUE_CAPACITY = 65_536;
    private static final int BATCH = 1_024;
    private static final Duration LINGER = Duration.ofMillis(5);

    /** Queued after the last entry by {@link #close}: the writer stops when it takes it. */
    private static final Object STOP = new Object();

    private final String topic;
    private final AuditChain chain;
    private final Producer<String, byte[]> producer;
    private final Counter records;
    private final Counter failures;
    private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(QUEUE_CAPACITY);
    private final Thread writer;
    private volatile boolean closed;

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
        Gauge.builder("pulse.audit.queue", queue, BlockingQueue::size)
                .description("Audit entries queued for the writer, not yet handed to Kafka")
                .register(meters);
        this.producer =
                new KafkaProducer<>(
                        kafka.clientConfig(producerConfig()),
                        new StringSerializer(),
                        new ByteArraySerializer());
        this.writer = new Thread(this::writeQueued, "pulse-audit-writer");
        writer.setDaemon(true);
        writer.start();
    }

    public String chainId() {
        return chain.id();
    }

    @Override
    public void append(AuditEntry entry) {
        Objects.requireNonNull(entry, "entry");
        if (closed) {
            failed(entry, -1, new IllegalStateException("the audit log is closed"));
            return;
        }
        try {
            if (!queue.offer(entry, FULL_QUEUE_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                failed(
                        entry,
                        -1,
                        new IllegalStateException(
                                "the audit queue stayed full ("
                                        + QUEUE_CAPACITY
                                        + " entries) for "
                                        + FULL_QUEUE_WAIT.toSeconds()
                                        + " s: Kafka is not taking audit records"));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failed(entry, -1, e);
        }
    }

    /** Blocks until every entry appended before the call has been acknowledged or has failed. */
    public void flush() {
        CompletableFuture<Void> handedOver = new CompletableFuture<>();
        try {
            queue.put(handedOver);
            LockSupport.unpark(writer);
            handedOver.get(CLOSE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        } catch (Exception e) {
            throw new IllegalStateException("the audit writer did not reach the flush", e);
        }
        producer.flush();
    }

    /** Writes everything queued, then closes the producer; later appends fail, counted. */
    @Override
    public void close() {
        closed = true;
        try {
            if (!queue.offer(STOP, CLOSE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.error("The audit writer is not taking entries; closing without it");
            }
            LockSupport.unpark(writer);
            writer.join(CLOSE_TIMEOUT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        producer.close(CLOSE_TIMEOUT);
        // Raced past the closed flag after STOP: not written, so counted.
        for (Object left = queue.poll(); left != null; left = queue.poll()) {
            if (left instanceof AuditEntry entry) {
                failed(entry, -1, new IllegalStateException("the audit log is closed"));
            }
        }
    }

    /**
     * Wakes every {@link #LINGER} to take what was queued meanwhile, rather than being woken by
     * each append: a wake-up per request cost two context switches on the request's critical path.
     */
    private void writeQueued() {
        List<Object> batch = new ArrayList<>(BATCH);
        while (true) {
            if (queue.drainTo(batch, BATCH) == 0) {
                LockSupport.parkNanos(this, LINGER.toNanos());
                if (Thread.interrupted()) {
                    return;
                }
                continue;
            }
            for (Object item : batch) {
                if (item == STOP) {
                    return;
                }
                if (item instanceof CompletableFuture<?> handedOver) {
                    handedOver.complete(null);
                } else {
                    writeOrCount((AuditEntry) item);
                }
            }
            batch.clear();
        }
    }

    /** Never throws: the writer thread must outlive any one entry. */
    private void writeOrCount(AuditEntry entry) {
        AuditRecord record;
        byte[] value;
        try {
            record = chain.seal(entry);
            value = serialize(record);
        } catch (RuntimeException e) {
            failed(entry, -1, e);
            return;
        }
        try {
            producer.send(
                    new ProducerRecord<>(topic, chain.id(), value),
                    (metadata, error) -> {
                        if (error == null) {
                            records.increment();
                        } else {
                            failed(record.entry(), record.seq(), error);
                        }
                    });
        } catch (RuntimeException e) {
            // Not handed to Kafka (the broker unreachable past max.block.ms): keep the head where
            // it is, so the chain stays gap-free; the entry is lost, loudly.
            failed(entry, record.seq(), e);
            return;
        }
        chain.advance(record);
    }

    /**
     * @param seq the record's place in the chain, or -1 when it never got one
     */
    private void failed(AuditEntry entry, long seq, Exception error) {
        failures.increment();
        LOG.error(
                "Audit record lost: chain {} seq {} ({} by {}): {}",
                chain.id(),
                seq < 0 ? "none" : seq,
                entry.action(),
                entry.subject(),
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
        // The writer hands over what gathered in its linger at once: send it without waiting more.
        config.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        // Bounds how long the writer can wait on an unreachable Kafka before it drops a record.
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000);
        return config;
    }
}
