package dev.pulse.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.pulse.access.reports.ExportFormat;
import dev.pulse.access.schedules.Cadence;
import dev.pulse.access.schedules.ReportKind;
import dev.pulse.access.schedules.ReportSchedule;
import dev.pulse.access.schedules.ScheduleStore;
import dev.pulse.notify.model.Delivery;
import dev.pulse.notify.model.Notification;
import dev.pulse.notify.model.NotificationPreferences;
import dev.pulse.notify.model.ReportRun;
import dev.pulse.notify.schedule.ReportScheduler;
import dev.pulse.streams.ingest.EventPublisher;
import dev.pulse.topologies.account.Account;
import dev.pulse.topologies.alert.AlertCommand;
import dev.pulse.topologies.alert.Severity;
import dev.pulse.topologies.followup.FollowUpCommand;
import dev.pulse.topologies.topic.Topic;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.streams.TestInputTopic;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Report schedules firing into the production notifier topology (test driver, real stores): two
 * instances firing the same run, and a restart firing it again, deliver it once; a long downtime
 * sends only the latest missed run; quiet hours and digests do not hold a report back.
 */
class ScheduledRunsTest {
    /** A Monday, 08:00 UTC: the run time of the schedule below. */
    private static final Instant DUE = Instant.parse("2026-11-23T08:00:00Z");

    private static final Duration DEADLINE = Duration.ofSeconds(10);

    private NotifierFixture pulse;
    private TestInputTopic<String, Notification> runs;
    private final List<Notification> published = new ArrayList<>();
    private final MemoryStore store = new MemoryStore();

    @BeforeEach
    void start() {
        pulse = new NotifierFixture(DUE, Duration.ZERO);
        runs =
                pulse.driver.createInputTopic(
                        NotifierTopics.REPORT_RUNS.name(),
                        NotifierTopics.REPORT_RUNS.keySerde().serializer(),
                        NotifierTopics.REPORT_RUNS.valueSerde().serializer());
        store.save(weeklyForSarah(DUE.minus(Duration.ofDays(30))));
    }

    @AfterEach
    void close() {
        pulse.close();
    }

    @Test
    void twoInstancesAndARestartFiringTheSameRunDeliverItOnce() {
        Clock at = Clock.fixed(DUE.plusSeconds(30), ZoneOffset.UTC);
        assertThat(scheduler(at).tick()).isEqualTo(1);
        assertThat(scheduler(at).tick()).isEqualTo(1); // the second instance
        ReportScheduler restarted = scheduler(at);
        assertThat(restarted.tick()).isEqualTo(1); // after a restart, before the next run
        assertThat(restarted.tick()).isZero(); // this instance already fired it

        assertThat(published).hasSize(3).extracting(Notification::id).containsOnly(id(0));
        deliverPending(1);
        for (int i = 0; i < 10; i++) {
            pulse.advance(Duration.ofMillis(100));
        }
        assertThat(pulse.email.delivered()).hasSize(1);
        assertThat(pulse.listener.count("duplicate")).isEqualTo(2);
        Delivery delivery = pulse.email.delivered().get(0);
        ReportRun run = delivery.notifications().get(0).report();
        assertThat(run.scheduleId()).isEqualTo("rs-test");
        assertThat(run.dueAt()).isEqualTo(DUE);
        assertThat(run.runAs()).isEqualTo(NotifierFixture.SARAH);
        assertThat(run.firstDay()).hasToString("2026-11-16");
        assertThat(run.lastDay()).hasToString("2026-11-22");
        assertThat(delivery.recipient()).isEqualTo(NotifierFixture.SARAH);
    }

    @Test
    void afterALongDowntimeOnlyTheLatestMissedRunIsSent() {
        Clock threeWeeksLater = Clock.fixed(DUE.plus(Duration.ofDays(23)), ZoneOffset.UTC);

        assertThat(scheduler(threeWeeksLater).tick()).isEqualTo(1);

        assertThat(published)
                .singleElement()
                .extracting(n -> n.report().dueAt())
                .isEqualTo(DUE.plus(Duration.ofDays(21)));
    }

    @Test
    void nothingFiresBeforeTheFirstRunTimeOrForACancelledSchedule() {
        store.save(weeklyForSarah(DUE.minus(Duration.ofHours(1))));
        assertThat(scheduler(Clock.fixed(DUE.minusSeconds(1), ZoneOffset.UTC)).tick()).isZero();
        store.delete("rs-test");
        assertThat(scheduler(Clock.fixed(DUE.plusSeconds(1), ZoneOffset.UTC)).tick()).isZero();
        assertThat(published).isEmpty();
    }

    @Test
    void quietHoursAndTheDigestDoNotHoldAReportBack() {
        pulse.preferences.pipeInput(
                NotifierFixture.SARAH,
                new NotificationPreferences(
                        NotifierFixture.SARAH,
                        EnumSet.allOf(Severity.class),
                        List.of("email"),
                        new dev.pulse.notify.model.QuietHours(
                                LocalTime.of(0, 0), LocalTime.of(23, 59)),
                        true,
                        LocalTime.of(18, 0),
                        "UTC",
                        DUE));

        scheduler(Clock.fixed(DUE.plusSeconds(1), ZoneOffset.UTC)).tick();

        deliverPending(1);
        assertThat(pulse.email.delivered().get(0).digest()).isFalse();
    }

    private ReportScheduler scheduler(Clock clock) {
        return new ReportScheduler(store, new PipingPublisher(), clock, Set.of("email"));
    }

    private String id(int index) {
        return published.get(index).id();
    }

    private void deliverPending(int n) {
        await().atMost(DEADLINE)
                .pollInterval(Duration.ofMillis(10))
                .until(
                        () -> {
                            pulse.advance(Duration.ofMillis(100));
                            return pulse.email.delivered().size() >= n;
                        });
    }

    private static ReportSchedule weeklyForSarah(Instant createdAt) {
        return new ReportSchedule(
                "rs-test",
                ReportKind.ACCOUNT,
                "acme",
                null,
                null,
                Cadence.WEEKLY,
                DayOfWeek.MONDAY,
                null,
                LocalTime.of(8, 0),
                "UTC",
                ExportFormat.PDF,
                List.of("email", "chat"),
                7,
                NotifierFixture.SARAH,
                createdAt,
                null);
    }

    /** What the scheduler publishes goes straight into the driver's report-runs topic. */
    private final class PipingPublisher implements EventPublisher {
        @Override
        @SuppressWarnings("unchecked")
        public <V> CompletableFuture<Void> publish(Topic<String, V> topic, String key, V value) {
            assertThat(topic.name()).isEqualTo(NotifierTopics.REPORT_RUNS.name());
            published.add((Notification) value);
            runs.pipeInput(key, (Notification) value, DUE);
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public CompletableFuture<Void> publishEvent(
                String tenantId, long eventTimeMs, byte[] json) {
            throw new UnsupportedOperationException();
        }

        @Override
        public CompletableFuture<Void> publishAccounts(List<Account> accounts) {
            throw new UnsupportedOperationException();
        }

        @Override
        public CompletableFuture<Void> publishAlertCommand(String tenantId, AlertCommand command) {
            throw new UnsupportedOperationException();
        }

        @Override
        public CompletableFuture<Void> publishFollowUpCommand(
                String tenantId, FollowUpCommand command) {
            throw new UnsupportedOperationException();
        }
    }

    /** Schedules as every instance would see them. */
    private static final class MemoryStore implements ScheduleStore {
        private final Map<String, ReportSchedule> byId = new ConcurrentHashMap<>();

        @Override
        public void save(ReportSchedule schedule) {
            byId.put(schedule.id(), schedule);
        }

        @Override
        public boolean delete(String id) {
            return byId.remove(id) != null;
        }

        @Override
        public Optional<ReportSchedule> get(String id) {
            return Optional.ofNullable(byId.get(id));
        }

        @Override
        public List<ReportSchedule> all() {
            return List.copyOf(byId.values());
        }
    }
}
