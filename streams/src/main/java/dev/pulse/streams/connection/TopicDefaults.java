package dev.pulse.streams.connection;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * How the topics Pulse creates are made on this cluster: with the broker's {@code
 * default.replication.factor} unless a replication factor is configured, and with settings every
 * topic should carry (e.g. {@code min.insync.replicas}). A topic's own settings (compaction,
 * retention, timestamp type) win over these: Pulse depends on them.
 *
 * @param replicationFactor replicas of each created topic; {@link #BROKER_DEFAULT} leaves it to the
 *     broker
 * @param configs topic settings added to every topic Pulse creates, its Kafka Streams internal
 *     topics included
 */
public record TopicDefaults(short replicationFactor, Map<String, String> configs) {
    /**
     * Kafka's own "ask the broker" value, as Kafka Streams' {@code replication.factor} takes it.
     */
    public static final short BROKER_DEFAULT = -1;

    public static final TopicDefaults BROKER_DEFAULTS = new TopicDefaults(BROKER_DEFAULT, Map.of());

    public TopicDefaults {
        if (replicationFactor != BROKER_DEFAULT && replicationFactor < 1) {
            throw new IllegalArgumentException(
                    "replication factor must be at least 1, or -1 for the broker's default; was "
                            + replicationFactor);
        }
        configs = Map.copyOf(configs == null ? Map.of() : configs);
    }

    /** The configured replication, or empty: the broker's default. */
    public Optional<Short> replication() {
        return replicationFactor == BROKER_DEFAULT
                ? Optional.empty()
                : Optional.of(replicationFactor);
    }

    /**
     * {@code topic} as it is created on this cluster: its replication when it names none, and these
     * configs under its own.
     */
    public NewTopic applyTo(NewTopic topic) {
        Optional<Integer> partitions =
                topic.numPartitions() < 0 ? Optional.empty() : Optional.of(topic.numPartitions());
        Optional<Short> replication =
                topic.replicationFactor() < 0
                        ? replication()
                        : Optional.of(topic.replicationFactor());
        Map<String, String> merged = new HashMap<>(configs);
        if (topic.configs() != null) {
            merged.putAll(topic.configs());
        }
        NewTopic applied = new NewTopic(topic.name(), partitions, replication);
        if (topic.replicasAssignments() != null) {
            applied = new NewTopic(topic.name(), topic.replicasAssignments());
        }
        return applied.configs(merged);
    }
}
