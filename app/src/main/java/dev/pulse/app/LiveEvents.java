package dev.pulse.app;

import dev.pulse.streams.connection.KafkaConnection;
import dev.pulse.topologies.topic.PulseTopics;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;

/**
 * How many usage events a deployment has already received: a backfill's days are scored only while
 * stream time has not yet passed them, so one that arrives after live events is worth a warning
 * before it starts.
 */
final class LiveEvents {
    private static final long TIMEOUT_SECONDS = 30;

    private LiveEvents() {}

    /** Records ever written to {@code pulse.usage-events.v1} (its partitions' end offsets). */
    static long received(KafkaConnection kafka) {
        String topic = PulseTopics.USAGE_EVENTS.name();
        try (Admin admin = Admin.create(kafka.clientConfig(Map.of()))) {
            TopicDescription description =
                    admin.describeTopics(java.util.List.of(topic))
                            .allTopicNames()
                            .get(TIMEOUT_SECONDS, TimeUnit.SECONDS)
                            .get(topic);
            Map<TopicPartition, OffsetSpec> ends =
                    description.partitions().stream()
                            .collect(
                                    Collectors.toMap(
                                            p -> new TopicPartition(topic, p.partition()),
                                            p -> OffsetSpec.latest()));
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> offsets =
                    admin.listOffsets(ends).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            return offsets.values().stream().mapToLong(o -> o.offset()).sum();
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException(
                    "cannot read the offsets of " + topic + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted reading offsets of " + topic, e);
        }
    }
}
