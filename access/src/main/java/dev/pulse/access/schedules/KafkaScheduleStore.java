package dev.pulse.access.schedules;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.pulse.streams.connection.KafkaConnection;
import dev.pulse.streams.follow.CompactedTopicWriter;
import dev.pulse.streams.follow.LatestByKey;
import dev.pulse.streams.follow.TopicFollower;
import dev.pulse.streams.runtime.KafkaTopics;
import dev.pulse.streams.runtime.PulseTopicsAdmin;
import dev.pulse.topologies.json.PulseJson;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Schedules on the compacted {@value #TOPIC} (key: schedule id, value: the {@link ReportSchedule}
 * JSON, a tombstone when cancelled), like people's notification preferences. Each instance holds
 * them all in memory, kept current by a {@link TopicFollower}; a write waits for the broker's ack
 * and is applied locally at once, so a schedule created by a request is listed by the next one and
 * a cancelled one never fires here again. (The preferences are read from a global store instead;
 * schedules are needed outside Kafka Streams, by the API and the scheduler, hence the follower.)
 */
public final class KafkaScheduleStore implements ScheduleStore, AutoCloseable {
    public static final String TOPIC = "pulse.report-schedules.v1";

    private static final Logger LOG = LoggerFactory.getLogger(KafkaScheduleStore.class);

    private final String topic;
    private final LatestByKey<ReportSchedule> table = new LatestByKey<>();
    private final CompactedTopicWriter writer;
    private final TopicFollower follower;

    public KafkaScheduleStore(KafkaConnection kafka) {
        this(kafka, TOPIC);
    }

    public KafkaScheduleStore(KafkaConnection kafka, String topic) {
        this.topic = topic;
        this.writer =
                new CompactedTopicWriter(kafka, topic, "pulse-report-schedules", "report schedule");
        this.follower =
                new TopicFollower(
                        kafka,
                        topic,
                        TopicFollower.Start.BEGINNING,
                        "pulse-report-schedules",
                        (offset, key, value) -> table.apply(offset, key, decode(key, value)));
        follower.start();
    }

    /** Creates the topic (compacted, one partition) if it is missing. */
    public static void ensureTopic(KafkaConnection kafka, String topic) {
        NewTopic newTopic =
                PulseTopicsAdmin.topic(topic, 1)
                        .configs(
                                Map.of(
                                        TopicConfig.CLEANUP_POLICY_CONFIG,
                                        TopicConfig.CLEANUP_POLICY_COMPACT));
        KafkaTopics.ensure(kafka, List.of(newTopic), Duration.ofSeconds(30));
    }

    /** Blocks until the schedules written before this store started are known. */
    public void awaitLoaded(Duration timeout) {
        try {
            if (!follower.awaitCaughtUp(timeout)) {
                throw new IllegalStateException(
                        "report schedules were not loaded from " + topic + " within " + timeout);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while loading report schedules", e);
        }
    }

    @Override
    public void save(ReportSchedule schedule) {
        write(schedule.id(), schedule);
    }

    @Override
    public boolean delete(String id) {
        if (table.get(id).isEmpty()) {
            return false;
        }
        write(id, null);
        return true;
    }

    @Override
    public Optional<ReportSchedule> get(String id) {
        return table.get(id);
    }

    @Override
    public List<ReportSchedule> all() {
        return table.values();
    }

    @Override
    public void close() {
        follower.close();
        writer.close();
    }

    private void write(String id, ReportSchedule schedule) {
        table.apply(writer.write(id, encode(schedule)), id, schedule);
    }

    private static byte[] encode(ReportSchedule schedule) {
        if (schedule == null) {
            return null;
        }
        try {
            return PulseJson.mapper().writeValueAsBytes(schedule);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a schedule is always serializable", e);
        }
    }

    private ReportSchedule decode(String key, byte[] value) {
        if (value == null) {
            return null;
        }
        try {
            return PulseJson.mapper().readValue(value, ReportSchedule.class);
        } catch (IOException | RuntimeException e) {
            // Fail closed: a schedule that cannot be read sends nothing.
            LOG.warn("Unreadable report schedule {} on {}; ignoring it", key, topic, e);
            return null;
        }
    }
}
