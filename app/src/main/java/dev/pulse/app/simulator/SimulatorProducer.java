package dev.pulse.app.simulator;

import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The producer the simulator sends with when it is given bootstrap servers: idempotent, acks from
 * all replicas, lz4 batches of up to 256 KiB lingering 5 ms. In-flight data is bounded by the
 * producer's own buffer: a send blocks while it is full, so a replay goes as fast as the broker
 * takes it.
 */
final class SimulatorProducer {
    private SimulatorProducer() {}

    static Map<String, Object> config(String bootstrapServers) {
        return Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ProducerConfig.CLIENT_ID_CONFIG,
                "pulse-demo-simulator",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                true,
                ProducerConfig.ACKS_CONFIG,
                "all",
                ProducerConfig.COMPRESSION_TYPE_CONFIG,
                "lz4",
                ProducerConfig.LINGER_MS_CONFIG,
                5,
                ProducerConfig.BATCH_SIZE_CONFIG,
                256 * 1024);
    }

    static Producer<String, byte[]> create(String bootstrapServers) {
        return new KafkaProducer<>(
                config(bootstrapServers), new StringSerializer(), new ByteArraySerializer());
    }
}
