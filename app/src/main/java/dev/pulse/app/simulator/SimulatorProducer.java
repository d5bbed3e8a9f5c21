package dev.pulse.app.simulator;

import dev.pulse.streams.connection.KafkaConnection;
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

    static Map<String, Object> config(KafkaConnection kafka) {
        return kafka.clientConfig(
                Map.of(
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
                        256 * 1024));
    }

    static Producer<String, byte[]> create(KafkaConnection kafka) {
        return new KafkaProducer<>(
                config(kafka), new StringSerializer(), new ByteArraySerializer());
    }
}
