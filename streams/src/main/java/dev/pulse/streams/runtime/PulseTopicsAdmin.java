package dev.pulse.streams.runtime;

import dev.pulse.topologies.topic.PulseTopics;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;

/** Creates Pulse's input and output topics if they are missing; existing ones are left alone. */
public final class PulseTopicsAdmin {
    private PulseTopicsAdmin() {}

    public static void ensureTopics(StreamsSettings settings) {
        int partitions = settings.partitions();
        short rf = settings.replicationFactor();
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
                        new NewTopic(PulseTopics.ALERT_COMMANDS.name(), partitions, rf));
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
        try (Admin admin = Admin.create(props)) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing =
                    topics.stream().filter(t -> !existing.contains(t.name())).toList();
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
            }
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException(
                        "cannot create Pulse topics on "
                                + settings.bootstrapServers()
                                + ": "
                                + e.getCause().getMessage(),
                        e.getCause());
            }
        } catch (TimeoutException e) {
            throw new IllegalStateException(
                    "Kafka at "
                            + settings.bootstrapServers()
                            + " did not answer within 30 s; is it running and reachable?",
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics", e);
        }
    }
}
