package dev.pulse.access.schedules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.pulse.access.reports.ExportFormat;
import dev.pulse.streams.broker.SharedKafkaBroker;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Schedules on a compacted topic of the shared broker: read back at once and by a restart. */
@ExtendWith(SharedKafkaBroker.class)
class KafkaScheduleStoreIT {
    private static final Duration DEADLINE = Duration.ofSeconds(30);

    private final List<KafkaScheduleStore> stores = new ArrayList<>();
    private String topic;

    @BeforeEach
    void createTopic() {
        topic = "report-schedules-" + UUID.randomUUID();
        KafkaScheduleStore.ensureTopic(SharedKafkaBroker.connection(), topic);
    }

    @AfterEach
    void close() {
        stores.forEach(KafkaScheduleStore::close);
    }

    @Test
    void aSavedScheduleIsReadBackAtOnceAndByAnotherInstanceAndACancelSticks() {
        KafkaScheduleStore first = open();
        ReportSchedule schedule = schedule("rs-" + UUID.randomUUID());
        first.save(schedule);
        assertThat(first.get(schedule.id())).contains(schedule); // read your writes

        KafkaScheduleStore second = open();
        second.awaitLoaded(DEADLINE);
        assertThat(second.get(schedule.id())).contains(schedule);

        assertThat(second.delete(schedule.id())).isTrue();
        assertThat(second.get(schedule.id())).isEmpty();
        await().atMost(DEADLINE).until(() -> first.get(schedule.id()).isEmpty());
        assertThat(first.delete(schedule.id())).isFalse();

        KafkaScheduleStore restarted = open();
        restarted.awaitLoaded(DEADLINE);
        assertThat(restarted.all()).isEmpty();
    }

    private KafkaScheduleStore open() {
        KafkaScheduleStore store = new KafkaScheduleStore(SharedKafkaBroker.connection(), topic);
        stores.add(store);
        return store;
    }

    private static ReportSchedule schedule(String id) {
        return new ReportSchedule(
                id,
                ReportKind.ACCOUNT,
                "acme",
                null,
                null,
                Cadence.WEEKLY,
                DayOfWeek.FRIDAY,
                null,
                LocalTime.of(17, 30),
                "Asia/Tokyo",
                ExportFormat.CSV,
                List.of("email", "chat"),
                14,
                "sarah@x.test",
                Instant.parse("2026-11-20T10:00:00Z"),
                null);
    }
}
