package dev.pulse.streams.runtime;

import dev.pulse.streams.connection.TopicDefaults;
import dev.pulse.topologies.pipeline.PipelineListener;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;

/** The Kafka Streams configuration of one Pulse instance. */
final class PulseStreamsConfig {
    private PulseStreamsConfig() {}

    static Properties of(StreamsSettings settings, PipelineListener listener) {
        Map<String, Object> props = new HashMap<>();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, settings.applicationId());
        props.put(StreamsConfig.STATE_DIR_CONFIG, settings.stateDir().toString());
        props.put(
                StreamsConfig.APPLICATION_SERVER_CONFIG,
                settings.advertisedHost() + ":" + settings.advertisedPort());
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, settings.threads());
        props.put(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG, settings.standbyReplicas());
        TopicDefaults topics = settings.kafka().topics();
        // -1: changelog and repartition topics get the broker's default.replication.factor.
        props.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, (int) topics.replicationFactor());
        topics.configs().forEach((key, value) -> props.put(StreamsConfig.topicPrefix(key), value));
        props.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, 64L << 20);
        props.put(
                StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, BoundedMemoryRocksDbConfig.class);
        props.put(BoundedMemoryRocksDbConfig.TOTAL_BYTES_CONFIG, settings.rocksDbCacheBytes());
        props.put(
                StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG,
                DeadLetterHandlers.class);
        props.put(
                StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterHandlers.class);
        props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, true);
        props.put(DeadLetterHandlers.LISTENER_CONFIG, listener);
        props.put(StreamsConfig.METRICS_RECORDING_LEVEL_CONFIG, "INFO");
        // The pipeline's task reads four topics, three of them (commands, backfill) empty most of
        // the time. With task idling on (the default 0), Kafka Streams 4.3 formats a log line
        // (String.format) for every empty partition before every record it processes, whatever
        // the log level: 12 % of the stream threads in a bench profile. Those topics do not need
        // to be merged in timestamp order with the usage events: commands are applied when they
        // arrive, and backfilled days are loaded as they come (docs/kafka.md).
        props.put(StreamsConfig.MAX_TASK_IDLE_MS_CONFIG, StreamsConfig.MAX_TASK_IDLE_MS_DISABLED);
        // Serve interactive queries from standbys while a rebalance moves a tenant.
        props.put(StreamsConfig.ACCEPTABLE_RECOVERY_LAG_CONFIG, 10_000L);
        props.put(StreamsConfig.consumerPrefix(ConsumerConfig.MAX_POLL_RECORDS_CONFIG), 2000);
        props.put(StreamsConfig.producerPrefix(ProducerConfig.LINGER_MS_CONFIG), 5);
        props.put(StreamsConfig.producerPrefix(ProducerConfig.COMPRESSION_TYPE_CONFIG), "lz4");
        Properties all = new Properties();
        all.putAll(settings.kafka().clientConfig(props));
        return all;
    }
}
