package dev.pulse.app.bench;

import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The benchmark's producers. Both are durable (acks=all, idempotent) and compress with lz4; the
 * bulk producer batches for throughput, the latency producer sends each record at once.
 */
final class BenchProducers {
    private BenchProducers() {}

    /** For the baseline and the ingest phase: 5 ms linger, 256 KiB batches. */
    static KafkaProducer<String, byte[]> bulk(String bootstrapServers) {
        Properties props = common(bootstrapServers, "pulse-bench-bulk");
        props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        return new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
    }

    /** For freshness samples: no linger, so the producer adds no waiting of its own. */
    static KafkaProducer<String, byte[]> latency(String bootstrapServers) {
        Properties props = common(bootstrapServers, "pulse-bench-latency");
        props.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        return new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
    }

    private static Properties common(String bootstrapServers, String clientId) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        return props;
    }
}
