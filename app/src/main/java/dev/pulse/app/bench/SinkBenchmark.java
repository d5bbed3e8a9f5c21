package dev.pulse.app.bench;

import dev.pulse.streams.connection.KafkaConnection;
import dev.pulse.warehouse.Backoff;
import dev.pulse.warehouse.WarehouseConnection;
import dev.pulse.warehouse.WarehouseHealth;
import dev.pulse.warehouse.WarehouseSettings;
import dev.pulse.warehouse.schema.WarehouseMigrations;
import dev.pulse.warehouse.sink.WarehouseSink;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.LongSupplier;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Does the warehouse sink keep up with ingest? While the ingest phase runs, the topology writes its
 * daily engagement and daily scores to their changelogs, the sink's main inputs: {@link #mark} and
 * {@link Mark#recordsSince} count the committed records it wrote in that window. After the run's
 * other phases, {@link #run} starts a {@link WarehouseSink} with the shipped settings over
 * everything the run produced (those changelogs, alerts, accounts, audit, follow-ups), writing into
 * a scratch schema of the bench's PostgreSQL (dropped after), and times it from its first batch
 * until every committed record is in. It keeps up when its records/s are at least the topology's
 * output rate at full ingest. The sink runs alone then, on the whole machine, not beside ingest.
 */
public final class SinkBenchmark {
    private static final Duration COUNT_WITHIN = Duration.ofMinutes(2);

    private final String bootstrapServers;
    private final String applicationId;
    private final BenchProgress progress;

    public SinkBenchmark(String bootstrapServers, String applicationId, BenchProgress progress) {
        this.bootstrapServers = bootstrapServers;
        this.applicationId = applicationId;
        this.progress = progress;
    }

    /**
     * @param skipped why nothing was measured, or empty
     * @param output committed records the topology wrote to its daily changelogs during ingest
     * @param sink records the sink wrote, from its first batch until the last was in
     * @param rows rows those records became (a batch keeps only the newest record per key)
     */
    public record Result(Optional<String> skipped, Throughput output, Throughput sink, long rows) {
        static Result notRun(String reason) {
            return new Result(Optional.of(reason), null, null, 0);
        }

        /**
         * The sink's rate over the topology's output rate at full ingest: keeps up at 1 or more.
         */
        public double ratio() {
            return sink.perSecond() / output.perSecond();
        }
    }

    /** Where the daily changelogs end now; {@link Mark#recordsSince} counts what came after. */
    public Mark mark() {
        return new Mark(ends(WarehouseSink.dailyChangelogs(applicationId)));
    }

    /** The daily changelogs' ends at one moment. */
    public final class Mark {
        private final Map<TopicPartition, Long> ends;

        private Mark(Map<TopicPartition, Long> ends) {
            this.ends = ends;
        }

        /** The committed records written to the daily changelogs from this mark until now. */
        public long recordsSince() {
            return committedRecords(ends, ends(WarehouseSink.dailyChangelogs(applicationId)));
        }
    }

    /** The sink over everything the run produced, into a scratch schema of {@code database}. */
    public Result run(String database, Throughput output) {
        String schema = "pulse_bench_sink_" + UUID.randomUUID().toString().substring(0, 8);
        WarehouseConnection connection =
                new WarehouseConnection(WarehouseSettings.of(database, schema));
        try (Connection jdbc = connection.jdbcDataSource().getConnection()) {
            try {
                new WarehouseMigrations(connection).migrate();
                return measure(connection, output);
            } finally {
                try (Statement drop = jdbc.createStatement()) {
                    drop.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
                }
            }
        } catch (SQLException e) {
            return Result.notRun(
                    "no PostgreSQL at " + connection.describe() + " (" + e.getMessage() + ")");
        }
    }

    private Result measure(WarehouseConnection connection, Throughput output) {
        Map<TopicPartition, Long> ends = ends(WarehouseSink.topics(applicationId));
        long expected = committedRecords(Map.of(), ends);
        progress.step(
                String.format(
                        Locale.ROOT,
                        "  the sink's topics hold %,d committed records; the topology wrote %,d"
                                + " to its daily changelogs during ingest (%,.0f records/s)",
                        expected,
                        output.count(),
                        output.perSecond()));
        Vertx vertx = Vertx.vertx();
        Pool pool = connection.pool(vertx);
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        LongSupplier batches = counter(registry, "pulse.warehouse.sink.batches");
        LongSupplier records = counter(registry, "pulse.warehouse.sink.records");
        long started = System.nanoTime();
        try (WarehouseSink sink =
                new WarehouseSink(
                                KafkaConnection.to(bootstrapServers),
                                WarehouseSettings.Sink.DEFAULT.withApplicationId(applicationId),
                                pool,
                                registry,
                                new WarehouseHealth(Clock.systemUTC()),
                                new Backoff(Duration.ofMillis(100), Duration.ofSeconds(1)))
                        .start()) {
            // From the first batch on: joining the consumer group takes seconds of its own.
            long first =
                    ProgressWait.until(
                            batches,
                            1,
                            "sink batches written",
                            () -> " (" + sink.lag() + " behind)");
            long before = records.getAsLong();
            long done =
                    ProgressWait.until(
                            records,
                            expected,
                            "records in the warehouse",
                            () -> " (" + sink.lag() + " behind)",
                            progress::step);
            // A backlog the first batch carried whole is timed from the start, group join and all.
            Throughput carried =
                    before < expected
                            ? Throughput.between(expected - before, first, done)
                            : Throughput.between(expected, started, done);
            long rows = (long) registry.get("pulse.warehouse.sink.rows").counter().count();
            progress.step(
                    String.format(
                            Locale.ROOT,
                            "  the sink carried %,.0f records/s (%,d rows), %.1f x the topology's"
                                    + " output at full ingest",
                            carried.perSecond(),
                            rows,
                            carried.perSecond() / output.perSecond()));
            return new Result(Optional.empty(), output, carried, rows);
        } finally {
            pool.close().toCompletionStage().toCompletableFuture().join();
            vertx.close().toCompletionStage().toCompletableFuture().join();
        }
    }

    private static LongSupplier counter(SimpleMeterRegistry registry, String name) {
        return () -> {
            var counter = registry.find(name).counter();
            return counter == null ? 0 : (long) counter.count();
        };
    }

    private Map<TopicPartition, Long> ends(Collection<String> topics) {
        try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
            List<TopicPartition> partitions =
                    topics.stream()
                            .flatMap(
                                    topic ->
                                            consumer.partitionsFor(topic).stream()
                                                    .map(
                                                            p ->
                                                                    new TopicPartition(
                                                                            topic, p.partition())))
                            .toList();
            return new HashMap<>(consumer.endOffsets(partitions));
        }
    }

    /**
     * Committed records between {@code from} (absent: the beginning) and {@code to}, read as the
     * sink reads them: offsets alone would count transaction markers and aborted records too.
     */
    private long committedRecords(Map<TopicPartition, Long> from, Map<TopicPartition, Long> to) {
        try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
            consumer.assign(to.keySet());
            // The beginning, not offset 0: a compacted changelog may start later.
            consumer.seekToBeginning(to.keySet());
            from.forEach(consumer::seek);
            long count = 0;
            long deadline = System.nanoTime() + COUNT_WITHIN.toNanos();
            while (to.entrySet().stream()
                    .anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(
                            "could not read the sink's topics to their ends within "
                                    + COUNT_WITHIN.toSeconds()
                                    + " s");
                }
                for (var record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.offset()
                            < to.get(new TopicPartition(record.topic(), record.partition()))) {
                        count++;
                    }
                }
            }
            return count;
        }
    }

    private KafkaConsumer<byte[], byte[]> consumer() {
        return new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrapServers,
                        ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                        "read_committed",
                        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                        false,
                        ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG,
                        false,
                        ConsumerConfig.MAX_POLL_RECORDS_CONFIG,
                        10_000),
                new ByteArrayDeserializer(),
                new ByteArrayDeserializer());
    }
}
