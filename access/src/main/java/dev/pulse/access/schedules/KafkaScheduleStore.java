package dev.pulse.access.schedules;

import dev.pulse.streams.connection.KafkaConnection;
import dev.pulse.streams.follow.CompactedJsonTable;

/**
 * Schedules on the compacted {@value #TOPIC} (key: schedule id, value: the {@link ReportSchedule}
 * JSON, a tombstone when cancelled), like people's notification preferences. Each instance holds
 * them all in memory ({@link CompactedJsonTable}); a write waits for the broker's ack and is
 * applied locally at once, so a schedule created by a request is listed by the next one and a
 * cancelled one never fires here again. An unreadable schedule sends nothing. (The preferences are
 * read from a global store instead; schedules are needed outside Kafka Streams, by the API and the
 * scheduler, hence the follower.)
 */
public final class KafkaScheduleStore extends CompactedJsonTable<ReportSchedule>
        implements ScheduleStore {
    public static final String TOPIC = "pulse.report-schedules.v1";

    public KafkaScheduleStore(KafkaConnection kafka) {
        this(kafka, TOPIC);
    }

    public KafkaScheduleStore(KafkaConnection kafka, String topic) {
        super(
                kafka,
                topic,
                "pulse-report-schedules",
                "report schedule",
                ReportSchedule.class,
                ReportSchedule::id);
    }
}
