package dev.pulse.streams.runtime;

import dev.pulse.topologies.topic.PulseTopics;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;

/** Creates Pulse's input and output topics if they are missing; existing ones are left alone. */
public final class PulseTopicsAdmin {
    private PulseTopicsAdmin() {}

    public static void ensureTopics(StreamsSettings settings) {
        ensureTopics(
                settings.bootstrapServers(), settings.partitions(), settings.replicationFactor());
    }

    /**
     * The same without a running Pulse: for tools that write Pulse's inputs before it first starts
     * (the backfill), so the topics get Pulse's partitioning, not the broker's defaults.
     */
    public static void ensureTopics(String bootstrapServers, int partitions, short rf) {
        long dlqRetention = Duration.ofDays(30).toMillis();
        // Retention counts from arrival: records carry event time, and a replay or backfill of
        // old events must not be deleted before it is processed.
        String appendTime = "LogAppendTime";
        List<NewTopic> topics =
                List.of(
                        new NewTopic(PulseTopics.USAGE_EVENTS.name(), partitions, rf)
                                .configs(
                                        Map.of(
                                                TopicConfig.MESSAGE_TIMESTAMP_TYPE_CONFIG,
                                                appendTime)),
                        new NewTopic(PulseTopics.USAGE_EVENTS_DEAD_LETTER.name(), partitions, rf)
                                .configs(
                                        Map.of(
                                                TopicConfig.RETENTION_MS_CONFIG,
                                                String.valueOf(dlqRetention),
                                                TopicConfig.MESSAGE_TIMESTAMP_TYPE_CONFIG,
                                                appendTime)),
                        new NewTopic(PulseTopics.ACCOUNTS.name(), 1, rf)
                                .configs(
                                        Map.of(
                                                TopicConfig.CLEANUP_POLICY_CONFIG,
                                                TopicConfig.CLEANUP_POLICY_COMPACT)),
                        new NewTopic(PulseTopics.HEALTH_SCORES.name(), partitions, rf),
                        new NewTopic(PulseTopics.ALERTS.name(), partitions, rf),
                        // Co-partitioned with usage events: applied where the alerts live.
                        new NewTopic(PulseTopics.ALERT_COMMANDS.name(), partitions, rf),
                        // Co-partitioned likewise: applied where the tenant's follow-ups live.
                        new NewTopic(PulseTopics.FOLLOW_UP_COMMANDS.name(), partitions, rf),
                        // Co-partitioned likewise: a tenant's past days load where its state lives.
                        // Old event times as record times: the broker's retention must go by
                        // append time.
                        new NewTopic(PulseTopics.ENGAGEMENT_BACKFILL.name(), partitions, rf)
                                .configs(
                                        Map.of(
                                                TopicConfig.MESSAGE_TIMESTAMP_TYPE_CONFIG,
                                                appendTime)));
        create(bootstrapServers, topics);
    }

    /** Creates those of {@code topics} that do not exist yet. */
    public static void create(String bootstrapServers, List<NewTopic> topics) {
        KafkaTopics.ensure(bootstrapServers, topics);
    }
}
