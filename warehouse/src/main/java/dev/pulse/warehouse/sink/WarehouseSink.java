package dev.pulse.warehouse.sink;

import dev.pulse.streams.connection.KafkaConnection;
import dev.pulse.topologies.topic.PulseStores;
import dev.pulse.warehouse.Backoff;
import dev.pulse.warehouse.WarehouseHealth;
import dev.pulse.warehouse.WarehouseSettings;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries Pulse's results into the warehouse: the committed records (read_committed) of the alerts,
 * accounts and audit topics and of the daily-engagement, daily-score and follow-up store
 * changelogs, as upserts in batches. Each batch is one PostgreSQL transaction holding its rows and
 * the Kafka positions after them ({@link SinkWriter}); Kafka's own group offsets are never
 * committed. On assignment, and after any failure, the consumer seeks to the positions stored in
 * PostgreSQL, so a crash, a failed batch or an outage replays from exactly where the warehouse
 * stands.
 *
 * <p>Batches are written one after another (a later batch starts only when the one before has
 * committed, so stored positions never run ahead of stored rows); while {@code maxInFlight} of them
 * wait, the consumer pauses rather than buffering more. After a failure it waits with backoff,
 * polling (paused) so it stays in its group.
 */
public final class WarehouseSink implements AutoCloseable {
    public static final String PART = "sink";

    private static final Logger LOG = LoggerFactory.getLogger(WarehouseSink.class);
    private static final Duration POLL = Duration.ofMillis(100);
    private static final Duration LINGER = Duration.ofMillis(200);
    private static final Duration LAG_EVERY = Duration.ofSeconds(1);
    private static final Duration DRAIN = Duration.ofSeconds(30);

    private final KafkaConnection kafka;
    private final WarehouseSettings.Sink settings;
    private final SinkWriter writer;
    private final Map<String, SinkTable> tables;
    private final SinkMetrics metrics;
    private final WarehouseHealth health;
    private final Backoff backoff;
    private final String consumerName;
    private final Thread thread;
    private final Map<TopicPartition, Long> written = new ConcurrentHashMap<>();
    private final Map<TopicPartition, Long> read = new ConcurrentHashMap<>();
    private final Set<TopicPartition> needsSeek = new HashSet<>();

    private volatile boolean running = true;
    private volatile Throwable failure;
    private volatile Future<Void> tail = Future.succeededFuture();
    private KafkaConsumer<byte[], byte[]> consumer;
    private SinkBatch batch = new SinkBatch();
    private long batchStartedNanos;
    private long retryAtNanos;
    private long lagAtNanos;

    public WarehouseSink(
            KafkaConnection kafka,
            WarehouseSettings.Sink settings,
            Pool pool,
            MeterRegistry registry,
            WarehouseHealth health,
            Backoff backoff) {
        this.kafka = kafka;
        this.settings = settings;
        this.consumerName = settings.applicationId() + "-warehouse-sink";
        this.tables = tables(settings.applicationId());
        this.writer = new SinkWriter(pool, consumerName, tables.values());
        this.metrics = new SinkMetrics(registry);
        this.health = health;
        this.backoff = backoff;
        this.thread = new Thread(this::run, "pulse-warehouse-sink");
        this.thread.setDaemon(true);
    }

    /** The topics read and what each becomes; changelog names are Kafka Streams' own contract. */
    static Map<String, SinkTable> tables(String applicationId) {
        return List.of(
                        new EngagementTable(changelog(applicationId, PulseStores.ENGAGEMENT_DAILY)),
                        new ScoreTable(changelog(applicationId, PulseStores.HEALTH_SCORE_DAILY)),
                        new FollowUpTable(changelog(applicationId, PulseStores.FOLLOW_UPS)),
                        new AlertTable(),
                        new AccountTable(),
                        new AuditTable())
                .stream()
                .collect(Collectors.toMap(SinkTable::topic, Function.identity()));
    }

    /** The topics the sink of application {@code applicationId} reads. */
    public static Set<String> topics(String applicationId) {
        return Set.copyOf(tables(applicationId).keySet());
    }

    /** The changelogs of the topology's daily output: daily engagement and daily scores. */
    public static List<String> dailyChangelogs(String applicationId) {
        return List.of(
                changelog(applicationId, PulseStores.ENGAGEMENT_DAILY),
                changelog(applicationId, PulseStores.HEALTH_SCORE_DAILY));
    }

    /** Kafka Streams' name for a store's changelog topic. */
    public static String changelog(String applicationId, String store) {
        return applicationId + "-" + store + "-changelog";
    }

    public WarehouseSink start() {
        thread.start();
        return this;
    }

    private void run() {
        try (KafkaConsumer<byte[], byte[]> c =
                new KafkaConsumer<>(
                        consumerConfig(),
                        new ByteArrayDeserializer(),
                        new ByteArrayDeserializer())) {
            consumer = c;
            c.subscribe(tables.keySet(), new Rebalance());
            while (running) {
                step();
            }
            submit();
            awaitTail();
        } catch (WakeupException e) {
            // closing
        } catch (RuntimeException e) {
            LOG.error("Warehouse sink stopped", e);
            health.failed(PART, e);
        }
    }

    private Map<String, Object> consumerConfig() {
        Map<String, Object> props = new HashMap<>();
        props.put(ConsumerConfig.GROUP_ID_CONFIG, consumerName);
        // Only what Kafka Streams and the producers committed: no aborted or pending writes.
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        // Positions live in PostgreSQL, with the rows.
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, String.valueOf(settings.batchSize()));
        // A changelog created by this consumer would have the wrong configuration for Streams.
        props.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
        props.put(ConsumerConfig.METADATA_MAX_AGE_CONFIG, "5000");
        return kafka.clientConfig(props);
    }

    private void step() {
        long now = System.nanoTime();
        if (failure != null) {
            recoverWhenDrained(now);
            return;
        }
        if (now < retryAtNanos) {
            consumer.poll(POLL);
            return;
        }
        if (!needsSeek.isEmpty() && !seekToStored()) {
            return;
        }
        ConsumerRecords<byte[], byte[]> records = consumer.poll(POLL);
        for (ConsumerRecord<byte[], byte[]> record : records) {
            add(record);
        }
        if (batch.records() >= settings.batchSize()
                || (!batch.isEmpty() && System.nanoTime() - batchStartedNanos > LINGER.toNanos())) {
            submit();
        }
        applyBackPressure();
        if (now - lagAtNanos > LAG_EVERY.toNanos()) {
            lagAtNanos = now;
            updateLag();
        }
    }

    private void add(ConsumerRecord<byte[], byte[]> record) {
        if (batch.isEmpty()) {
            batchStartedNanos = System.nanoTime();
        }
        try {
            tables.get(record.topic()).addRows(record, batch);
        } catch (RuntimeException e) {
            // A record Pulse cannot read is not the warehouse's fault: skip it, say so, go on.
            LOG.warn(
                    "Warehouse sink skips {}-{}@{}: {}",
                    record.topic(),
                    record.partition(),
                    record.offset(),
                    e.toString());
        }
        TopicPartition partition = new TopicPartition(record.topic(), record.partition());
        batch.consumed(partition, record.offset());
        read.put(partition, record.offset() + 1);
    }

    private void submit() {
        if (batch.isEmpty()) {
            return;
        }
        SinkBatch full = batch;
        batch = new SinkBatch();
        metrics.inFlight.incrementAndGet();
        long started = System.nanoTime();
        tail =
                tail.transform(
                                previous ->
                                        previous.failed()
                                                ? Future.<Void>failedFuture(previous.cause())
                                                : writer.write(full))
                        .onComplete(
                                done -> {
                                    metrics.inFlight.decrementAndGet();
                                    if (done.succeeded()) {
                                        written.putAll(full.nextOffsets());
                                        metrics.rows.increment(full.rowCount());
                                        metrics.records.increment(full.records());
                                        metrics.batches.increment();
                                        metrics.batchTime.record(
                                                System.nanoTime() - started, TimeUnit.NANOSECONDS);
                                        backoff.succeeded();
                                        health.succeeded(PART);
                                    } else if (failure == null) {
                                        failure = done.cause();
                                    }
                                });
    }

    /** Back pressure: no more reading while too many batches wait for PostgreSQL. */
    private void applyBackPressure() {
        Set<TopicPartition> assigned = consumer.assignment();
        if (metrics.inFlight.get() >= settings.maxInFlight()) {
            consumer.pause(assigned);
            metrics.paused.set(1);
        } else if (metrics.paused.get() == 1) {
            Set<TopicPartition> ready = new HashSet<>(assigned);
            ready.removeAll(needsSeek);
            consumer.resume(ready);
            metrics.paused.set(0);
        }
    }

    /**
     * After a failed batch every later one fails too; once none is left, drop what was read since,
     * wait with backoff, and read again from the positions PostgreSQL holds.
     */
    private void recoverWhenDrained(long now) {
        consumer.pause(consumer.assignment());
        if (metrics.inFlight.get() > 0) {
            consumer.poll(POLL);
            return;
        }
        Throwable cause = failure;
        Duration wait = backoff.failed();
        LOG.warn("Warehouse sink: batch failed ({}); retrying in {}", cause.toString(), wait);
        metrics.failures.increment();
        health.failed(PART, cause);
        batch = new SinkBatch();
        read.clear();
        tail = Future.succeededFuture();
        needsSeek.addAll(consumer.assignment());
        retryAtNanos = now + wait.toNanos();
        failure = null;
    }

    /** Seeks every partition waiting for it to its stored position; false if PostgreSQL failed. */
    private boolean seekToStored() {
        Map<TopicPartition, Long> stored;
        try {
            stored = writer.storedOffsets().await(DRAIN.toSeconds(), TimeUnit.SECONDS);
        } catch (Exception e) {
            Duration wait = backoff.failed();
            LOG.warn("Warehouse sink: cannot read stored positions ({}); retrying in {}", e, wait);
            health.failed(PART, e);
            retryAtNanos = System.nanoTime() + wait.toNanos();
            consumer.poll(POLL);
            return false;
        }
        Set<TopicPartition> assigned = consumer.assignment();
        needsSeek.retainAll(assigned);
        for (TopicPartition tp : needsSeek) {
            Long next = stored.get(tp);
            if (next == null) {
                consumer.seekToBeginning(List.of(tp));
                written.put(tp, 0L);
            } else {
                consumer.seek(tp, next);
                written.put(tp, next);
            }
        }
        consumer.resume(needsSeek);
        needsSeek.clear();
        metrics.paused.set(0);
        health.succeeded(PART);
        return true;
    }

    private void updateLag() {
        Set<TopicPartition> assigned = consumer.assignment();
        if (assigned.isEmpty()) {
            return;
        }
        long lag = 0;
        for (Map.Entry<TopicPartition, Long> end : consumer.endOffsets(assigned).entrySet()) {
            TopicPartition tp = end.getKey();
            long stored = written.getOrDefault(tp, 0L);
            // Transaction markers take offsets too: with nothing read beyond what is stored, the
            // consumer's position (past any marker) is where the warehouse stands.
            boolean pending = read.getOrDefault(tp, 0L) > stored || needsSeek.contains(tp);
            long at = pending ? stored : consumer.position(tp);
            lag += Math.max(0, end.getValue() - at);
        }
        metrics.lag.set(lag);
        health.behind(PART, lag);
    }

    private void awaitTail() {
        try {
            tail.await(DRAIN.toSeconds(), TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.debug("Batch in flight at close failed: {}", e.toString());
        }
    }

    /** Records still to be written: committed Kafka records the warehouse does not have yet. */
    public long lag() {
        return metrics.lag.get();
    }

    @Override
    public void close() {
        running = false;
        try {
            thread.join(DRAIN.toMillis() + 5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Hands partitions over cleanly: what was read is written before another instance starts. */
    private final class Rebalance implements ConsumerRebalanceListener {
        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            if (failure == null) {
                submit();
            }
            awaitTail();
            needsSeek.removeAll(partitions);
            partitions.forEach(written::remove);
            partitions.forEach(read::remove);
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            needsSeek.addAll(partitions);
            consumer.pause(partitions);
        }
    }
}
