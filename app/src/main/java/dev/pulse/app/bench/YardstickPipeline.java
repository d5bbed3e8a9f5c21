package dev.pulse.app.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.TimeWindows;
import org.apache.kafka.streams.state.WindowStore;

/**
 * The machine's Kafka Streams ceiling, measured in the same run as Pulse: the least a usage
 * pipeline can do (parse each event's JSON, count it into its tenant's UTC day in a RocksDB window
 * store), exactly-once, with Pulse's partitions and threads, over the events the producer baseline
 * left in its scratch topic. Pulse's ingest figure is printed as a share of it, so that a run says
 * how close Pulse is to what this machine can do, whatever the machine.
 */
final class YardstickPipeline {
    static final String APPLICATION_ID = "pulse-bench-yardstick";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String bootstrapServers;
    private final int threads;
    private final Path stateDir;

    YardstickPipeline(String bootstrapServers, int threads, Path stateDir) {
        this.bootstrapServers = bootstrapServers;
        this.threads = threads;
        this.stateDir = stateDir;
    }

    /**
     * Reads {@code records} records of {@code topic} from its start; the clock and the CPU meter
     * run from the first record processed to the last, so the group's start-up and shutdown are not
     * counted against the pipeline.
     */
    Cost run(String topic, long records) {
        AtomicLong seen = new AtomicLong();
        AtomicReference<CpuMeter.Snapshot> first = new AtomicReference<>();
        AtomicReference<CpuMeter.Snapshot> last = new AtomicReference<>();
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream(topic, Consumed.with(Serdes.String(), Serdes.ByteArray()))
                .mapValues(YardstickPipeline::tenantOf)
                .peek(
                        (tenant, value) -> {
                            if (first.get() == null) {
                                first.compareAndSet(null, CpuMeter.now());
                            }
                            if (seen.incrementAndGet() == records) {
                                last.set(CpuMeter.now());
                            }
                        })
                .groupByKey(Grouped.with(Serdes.String(), Serdes.String()))
                .windowedBy(TimeWindows.ofSizeAndGrace(Duration.ofDays(1), Duration.ofHours(1)))
                .count(Materialized.<String, Long, WindowStore<Bytes, byte[]>>as("daily-counts"));
        try (KafkaStreams streams = new KafkaStreams(builder.build(), properties())) {
            streams.start();
            ProgressWait.until(seen::get, records, "records the yardstick processed", () -> "");
            streams.close(Duration.ofSeconds(30));
            streams.cleanUp();
        }
        CpuMeter.Snapshot from = first.get();
        CpuMeter.Snapshot to = last.get();
        double cpuNanos = to.processCpuNanos() - from.processCpuNanos();
        return new Cost(
                Throughput.between(records, from.wallNanos(), to.wallNanos()),
                cpuNanos / 1000.0 / records);
    }

    /** A full parse, as any pipeline must do, and the one field a daily count needs. */
    private static String tenantOf(byte[] event) {
        try {
            JsonNode node = JSON.readTree(event);
            return node.path("tenantId").asText();
        } catch (IOException e) {
            throw new UncheckedIOException("the yardstick cannot parse an event", e);
        }
    }

    private Properties properties() {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, APPLICATION_ID);
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, threads);
        props.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, 1);
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        props.put(StreamsConfig.consumerPrefix("auto.offset.reset"), "earliest");
        return props;
    }
}
