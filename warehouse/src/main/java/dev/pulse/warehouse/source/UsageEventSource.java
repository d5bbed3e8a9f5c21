package dev.pulse.warehouse.source;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.pulse.streams.connection.KafkaConnection;
import dev.pulse.topologies.json.PulseJson;
import dev.pulse.topologies.topic.PulseTopics;
import dev.pulse.warehouse.Backoff;
import dev.pulse.warehouse.WarehouseHealth;
import dev.pulse.warehouse.WarehouseSettings;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads usage events from a warehouse table incrementally and publishes them to {@code
 * pulse.usage-events.v1}. Each batch of rows and the cursor after its last row go out in one Kafka
 * transaction ({@link SourceCursors}); a restart reads the newest committed cursor and resumes
 * after it, so no row is skipped or published twice. Pulse's de-duplication by {@code eventId}
 * stays the second line of defence (against a table whose cursor is not monotonic in commit order).
 *
 * <p>Every instance may configure the source; one runs it at a time ({@link SourceLease}) and the
 * others stand by to take over when it stops. The transactional id is the source's name, so a new
 * runner fences anything the old one left open.
 */
public final class UsageEventSource implements AutoCloseable {
    public static final String PART = "events-source";
    private static final Logger LOG = LoggerFactory.getLogger(UsageEventSource.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final Duration STANDBY_POLL = Duration.ofSeconds(1);

    private final KafkaConnection kafka;
    private final WarehouseSettings.EventSource settings;
    private final Pool pool;
    private final EventQuery query;
    private final WarehouseHealth health;
    private final Backoff backoff;
    private final Counter published;
    private final Counter batches;
    private final Counter failures;
    private final Semaphore wake = new Semaphore(0);
    private final Thread thread;
    private final Duration leaseMaxPollInterval;
    private volatile boolean running = true;

    /** The lease while this instance runs the source; only the source's thread uses it. */
    private SourceLease leading;

    private volatile String cursor;

    public UsageEventSource(
            KafkaConnection kafka,
            WarehouseSettings.EventSource settings,
            Pool pool,
            MeterRegistry registry,
            WarehouseHealth health,
            Backoff backoff) {
        this(kafka, settings, pool, registry, health, backoff, SourceLease.MAX_POLL_INTERVAL);
    }

    /** As above, with the lease's {@code max.poll.interval.ms} (tests shorten it). */
    UsageEventSource(
            KafkaConnection kafka,
            WarehouseSettings.EventSource settings,
            Pool pool,
            MeterRegistry registry,
            WarehouseHealth health,
            Backoff backoff,
            Duration leaseMaxPollInterval) {
        this.kafka = kafka;
        this.leaseMaxPollInterval = leaseMaxPollInterval;
        this.settings = settings;
        this.pool = pool;
        this.query = new EventQuery(settings);
        this.health = health;
        this.backoff = backoff;
        this.published =
                Counter.builder("pulse.warehouse.source.events")
                        .description("Usage events read from the warehouse and published")
                        .tag("source", settings.name())
                        .register(registry);
        this.batches =
                Counter.builder("pulse.warehouse.source.batches")
                        .description("Kafka transactions of events and cursor committed")
                        .tag("source", settings.name())
                        .register(registry);
        this.failures =
                Counter.builder("pulse.warehouse.source.failures")
                        .description("Reads or publications that failed and will be retried")
                        .tag("source", settings.name())
                        .register(registry);
        this.thread = new Thread(this::run, "pulse-warehouse-source-" + settings.name());
        this.thread.setDaemon(true);
    }

    public UsageEventSource start() {
        thread.start();
        return this;
    }

    /** The cursor of the last row published (committed); null before the first. */
    public String cursor() {
        return cursor;
    }

    private void run() {
        try (SourceLease lease = new SourceLease(kafka, settings.name(), leaseMaxPollInterval)) {
            boolean standingBy = false;
            while (running) {
                if (lease.held(STANDBY_POLL)) {
                    standingBy = false;
                    lead(lease);
                } else if (!standingBy && lease.joined()) {
                    standingBy = true;
                    health.forget(PART);
                    LOG.info(
                            "Warehouse source {} stands by: another instance runs it",
                            settings.name());
                }
            }
        } catch (RuntimeException e) {
            LOG.error("Warehouse source {} stopped", settings.name(), e);
            health.failed(PART, e);
        }
    }

    /**
     * Runs the source while this instance holds the lease. A failure to start or to publish (the
     * broker restarting, the cursor not read in time) is reported and retried after a back-off,
     * with the lease kept: the instance never leaves the pool over it.
     */
    private void lead(SourceLease lease) {
        leading = lease;
        try (KafkaProducer<String, byte[]> producer = producer()) {
            producer.initTransactions();
            cursor = SourceCursors.read(kafka, settings.name(), TIMEOUT).orElse(null);
            LOG.info("Warehouse source {} resumes after cursor {}", settings.name(), cursor);
            while (running && lease.held(Duration.ZERO)) {
                if (!pollOnce(producer)) {
                    await(settings.pollInterval());
                }
            }
        } catch (ProducerFencedException e) {
            LOG.warn("Warehouse source {}: another instance took it over", settings.name());
        } catch (RuntimeException e) {
            if (running) {
                retryLater(e);
            }
        } finally {
            leading = null;
        }
    }

    /** Reads and publishes one batch; false when there was nothing to read or it failed. */
    private boolean pollOnce(KafkaProducer<String, byte[]> producer) {
        List<Row> rows;
        try {
            rows =
                    query.prepare(pool)
                            .compose(v -> query.next(pool, cursor, settings.batchSize()))
                            .await(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (Exception e) {
            retryLater(e);
            return false;
        }
        health.succeeded(PART);
        // Counting what is left would scan the table: a full batch says "at least this many more".
        health.behind(PART, rows.size() >= settings.batchSize() ? rows.size() : 0);
        if (rows.isEmpty()) {
            return false;
        }
        String next = rows.get(rows.size() - 1).getString("pulse_cursor");
        try {
            producer.beginTransaction();
            for (Row row : rows) {
                Map<String, Object> event = event(row);
                producer.send(
                        new ProducerRecord<>(
                                PulseTopics.USAGE_EVENTS.name(),
                                null,
                                eventTime(event),
                                (String) event.get("tenantId"),
                                json(event)));
            }
            producer.send(SourceCursors.record(settings.name(), next));
            producer.commitTransaction();
        } catch (ProducerFencedException e) {
            throw e;
        } catch (KafkaException e) {
            // Neither the events nor the cursor are visible; the same rows are read again.
            producer.abortTransaction();
            retryLater(e);
            return false;
        }
        cursor = next;
        published.increment(rows.size());
        batches.increment();
        backoff.succeeded();
        return true;
    }

    private Map<String, Object> event(Row row) {
        Map<String, Object> event = new LinkedHashMap<>();
        query.columns()
                .forEach(
                        (field, column) -> {
                            Object value = row.getValue(column);
                            if (value != null) {
                                event.put(
                                        field,
                                        "properties".equals(field)
                                                ? SqlValue.json(value)
                                                : SqlValue.text(value));
                            }
                        });
        return event;
    }

    /** The record time, as the HTTP ingest sets it; invalid times are the topology's to reject. */
    private static Long eventTime(Map<String, Object> event) {
        try {
            return Instant.parse(String.valueOf(event.get("timestamp"))).toEpochMilli();
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static byte[] json(Map<String, Object> event) {
        try {
            return PulseJson.mapper().writeValueAsBytes(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an event of strings is always serialisable", e);
        }
    }

    private void retryLater(Exception e) {
        failures.increment();
        health.failed(PART, e);
        Duration wait = backoff.failed();
        LOG.warn("Warehouse source {}: {}; retrying in {}", settings.name(), e.toString(), wait);
        await(wait);
    }

    /**
     * Waits (until woken), keeping the lease alive meanwhile: a wait longer than the lease's poll
     * interval would otherwise hand the source to another instance at every pause. Returns early
     * when the lease is lost.
     */
    private void await(Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        try {
            while (true) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return;
                }
                long slice = leading == null ? left : Math.min(left, leading.heartbeat().toNanos());
                if (wake.tryAcquire(slice, TimeUnit.NANOSECONDS)
                        || (leading != null && !leading.held(Duration.ZERO))) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    private KafkaProducer<String, byte[]> producer() {
        Map<String, Object> props = new HashMap<>();
        props.put(
                ProducerConfig.TRANSACTIONAL_ID_CONFIG,
                "pulse-warehouse-source-" + settings.name());
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        return new KafkaProducer<>(
                kafka.clientConfig(props), new StringSerializer(), new ByteArraySerializer());
    }

    @Override
    public void close() {
        running = false;
        wake.release();
        try {
            thread.join(TIMEOUT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
