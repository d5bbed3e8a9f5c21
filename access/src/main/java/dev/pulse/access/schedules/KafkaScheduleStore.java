package dev.pulse.access.schedules;

import dev.pulse.streams.connection.KafkaConnection;
import dev.pulse.streams.follow.CompactedJsonTable;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Schedules on the compacted {@value #TOPIC} (key: schedule id, value: the {@link ReportSchedule}
 * JSON, a tombstone when cancelled), like people's notification preferences. Each instance holds
 * them all in memory ({@link CompactedJsonTable}); a write waits for the broker's ack and is
 * applied locally at once, so a schedule created by a request is listed by the next one and a
 * cancelled one never fires here again. An unreadable schedule sends nothing. (The preferences are
 * read from a global store instead; schedules are needed outside Kafka Streams, by the API and the
 * scheduler, hence the follower.)
 */
public final class KafkaScheduleStore implements ScheduleStore, AutoCloseable {
    public static final String TOPIC = "pulse.report-schedules.v1";

    private final CompactedJsonTable<ReportSchedule> table;

    public KafkaScheduleStore(KafkaConnection kafka) {
        this(kafka, TOPIC);
    }

    public KafkaScheduleStore(KafkaConnection kafka, String topic) {
        this.table =
                new CompactedJsonTable<>(
                        kafka,
                        topic,
                        "pulse-report-schedules",
                        "report schedule",
                        ReportSchedule.class);
    }

    /** Creates the topic (compacted, one partition) if it is missing. */
    public static void ensureTopic(KafkaConnection kafka, String topic) {
        CompactedJsonTable.ensureTopic(kafka, topic);
    }

    /** Blocks until the schedules written before this store started are known. */
    public void awaitLoaded(Duration timeout) {
        table.awaitLoaded(timeout);
    }

    @Override
    public void save(ReportSchedule schedule) {
        table.put(schedule.id(), schedule);
    }

    @Override
    public boolean delete(String id) {
        return table.remove(id);
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
        table.close();
    }
}
