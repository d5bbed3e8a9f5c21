package dev.pulse.access.audit;

import dev.pulse.streams.connection.KafkaConnection;
import dev.pulse.streams.connection.TopicDefaults;
import dev.pulse.streams.runtime.KafkaTopics;
import dev.pulse.streams.runtime.PulseTopicsAdmin;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;

/**
 * The audit topic: one partition, so every chain is read back in the order it was written and the
 * whole log has one order; deleted after the retention (never compacted, which would drop records
 * and break chains); stamped with the broker's append time, so "from" queries seek by when the
 * broker accepted a record rather than by a clock the writer controls.
 */
public final class AuditTopic {
    public static final String NAME = "pulse.audit.v1";

    /** Two years, matching the history Pulse keeps. */
    public static final Duration DEFAULT_RETENTION = Duration.ofDays(731);

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private AuditTopic() {}

    /** Creates {@link #NAME} if it is missing; an existing topic is left as it is. */
    public static void ensure(KafkaConnection kafka, Duration retention) {
        ensure(kafka, NAME, retention);
    }

    public static void ensure(KafkaConnection kafka, String topic, Duration retention) {
        KafkaTopics.ensure(
                kafka,
                List.of(newTopic(topic, kafka.topics().replicationFactor(), retention)),
                TIMEOUT);
    }

    /**
     * @param replicationFactor as configured; {@link TopicDefaults#BROKER_DEFAULT} leaves the
     *     replicas and {@code min.insync.replicas} to the broker (or {@code kafka.topicConfigs})
     */
    static NewTopic newTopic(String topic, short replicationFactor, Duration retention) {
        Map<String, String> configs = new HashMap<>();
        configs.put(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE);
        configs.put(TopicConfig.RETENTION_MS_CONFIG, String.valueOf(retention.toMillis()));
        configs.put(TopicConfig.MESSAGE_TIMESTAMP_TYPE_CONFIG, "LogAppendTime");
        if (replicationFactor == TopicDefaults.BROKER_DEFAULT) {
            return PulseTopicsAdmin.topic(topic, 1).configs(configs);
        }
        // An acknowledged audit record survives one broker loss when there are replicas to
        // spare; with fewer, 1 keeps it writable.
        configs.put(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, replicationFactor >= 3 ? "2" : "1");
        return new NewTopic(topic, 1, replicationFactor).configs(configs);
    }
}
