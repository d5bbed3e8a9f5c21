package dev.pulse.streams.runtime;

import dev.pulse.streams.connection.KafkaConnection;
import dev.pulse.topologies.topic.PulseTopics;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;

/** Creates Pulse's input and output topics if they are missing; existing ones are left alone. */
public final class PulseTopicsAdmin {
    private PulseTopicsAdmin() {}

    public static void ensureTopics(StreamsSettings settings) {
        ensureTopics(settings.kafka(), settings.partitions());
    }

    /**
     * The same without a running Pulse: for tools that write Pulse's inputs before it first starts
     * (the backfill), so the topics get Pulse's partitioning, not the broker's defaults.
     */
    public static void ensureTopics(KafkaConnection kafka, int partitions) {
        long dlqRetention = Duration.ofDays(30).toMillis();
        // Retention counts from arrival: records carry event time, and a replay or backfill of
        // old events must not be deleted before it is processed.
        String appendTime = "LogAppendTime";
        List<NewTopic> topics =
                List.of(
                        topic(PulseTopics.USAGE_EVENTS.name(), partitions)
                                .configs(
                                        Map.of(
                                                TopicConfig.MESSAGE_TIMESTAMP_TYPE_CONFIG,
                                                appendTime)),
                        topic(PulseTopics.USAGE_EVENTS_DEAD_LETTER.name(), partitions)
                                .configs(
                                        Map.of(
                                                TopicConfig.RETENTION_MS_CONFIG,
                                                String.valueOf(dlqRetention),
                                                TopicConfig.MESSAGE_TIMESTAMP_TYPE_CONFIG,
                                                appendTime)),
                        topic(PulseTopics.ACCOUNTS.name(), 1)
                                .configs(
                                        Map.of(
                                                TopicConfig.CLEANUP_POLICY_CONFIG,
                                                TopicConfig.CLEANUP_POLICY_COMPACT)),
                        topic(PulseTopics.HEALTH_SCORES.name(), partitions),
                        topic(PulseTopics.ALERTS.name(), partitions),
                        // Dated at the end of the day that made them, which is old in a replay:
                        // retention must go by append time.
                        topic(PulseTopics.JOURNEY_TRANSITIONS.name(), partitions)
                                .configs(
                                        Map.of(
                                                TopicConfig.MESSAGE_TIMESTAMP_TYPE_CONFIG,
                                                appendTime)),
                        // Co-partitioned with usage events: applied where the alerts live.
                        topic(PulseTopics.ALERT_COMMANDS.name(), partitions),
                        // Co-partitioned likewise: applied where the tenant's follow-ups live.
                        topic(PulseTopics.FOLLOW_UP_COMMANDS.name(), partitions),
                        // Co-partitioned likewise: a tenant's past days load where its state lives.
                        // Old event times as record times: the broker's retention must go by
                        // append time.
                        topic(PulseTopics.ENGAGEMENT_BACKFILL.name(), partitions)
                                .configs(
                                        Map.of(
                                                TopicConfig.MESSAGE_TIMESTAMP_TYPE_CONFIG,
                                                appendTime)));
        create(kafka, topics);
    }

    /**
     * Creates those of {@code topics} that do not exist yet, with the cluster's replication (see
     * {@link dev.pulse.streams.connection.TopicDefaults}) unless a topic names its own.
     */
    public static void create(KafkaConnection kafka, List<NewTopic> topics) {
        KafkaTopics.ensure(kafka, topics);
    }

    /** A topic with the cluster's replication factor, as {@link #create} makes it. */
    public static NewTopic topic(String name, int partitions) {
        return new NewTopic(name, Optional.of(partitions), Optional.empty());
    }
}
