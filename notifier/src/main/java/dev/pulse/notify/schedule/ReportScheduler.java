package dev.pulse.notify.schedule;

import dev.pulse.access.reports.ReportPeriod;
import dev.pulse.access.schedules.ReportSchedule;
import dev.pulse.access.schedules.RunTimes;
import dev.pulse.access.schedules.ScheduleStore;
import dev.pulse.notify.NotifierTopics;
import dev.pulse.notify.model.Notification;
import dev.pulse.notify.model.NotificationPreferences;
import dev.pulse.notify.model.ReportRun;
import dev.pulse.streams.ingest.EventPublisher;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fires report schedules: every tick it finds, for each schedule, the newest run due by now ({@link
 * RunTimes#latestDue}) and, unless this instance already sent that run, puts one notification per
 * run on {@code pulse.report-runs.v1} for the notifier's outbox. Rendering happens later, on the
 * channel's worker, as the owner.
 *
 * <p>Exactly once, without electing a leader: every instance fires, and the notification id is
 * derived from the schedule id and the due time, so the outbox (which remembers ids for 35 days,
 * across restarts, in its changelogged store) drops every firing after the first. After a long
 * downtime only the latest missed run is due, never a backlog. The time comes from the injected
 * {@link Clock}.
 */
public final class ReportScheduler implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ReportScheduler.class);
    private static final Duration PUBLISH_TIMEOUT = Duration.ofSeconds(10);

    private final ScheduleStore schedules;
    private final EventPublisher publisher;
    private final Clock clock;
    private final Set<String> pushChannels;
    private final Map<String, Instant> fired = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timer =
            Executors.newSingleThreadScheduledExecutor(
                    r -> {
                        Thread t = new Thread(r, "pulse-report-scheduler");
                        t.setDaemon(true);
                        return t;
                    });

    /**
     * @param pushChannels the notifier's running push channels: {@code email} and chat platforms
     *     ({@code slack}, {@code teams}, {@code discord}); a schedule's {@code chat} goes to every
     *     chat platform running here
     */
    public ReportScheduler(
            ScheduleStore schedules,
            EventPublisher publisher,
            Clock clock,
            Set<String> pushChannels) {
        this.schedules = schedules;
        this.publisher = publisher;
        this.clock = clock;
        this.pushChannels = Set.copyOf(pushChannels);
    }

    /** Ticks every {@code every} until closed. */
    public ReportScheduler start(Duration every) {
        timer.scheduleWithFixedDelay(this::tickSafely, 0, every.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    private void tickSafely() {
        try {
            tick();
        } catch (RuntimeException e) {
            LOG.warn("Report scheduler tick failed; trying again at the next", e);
        }
    }

    /** Fires every run due by now that this instance has not fired yet; how many it fired. */
    public int tick() {
        Instant now = clock.instant();
        int count = 0;
        List<ReportSchedule> all = schedules.all();
        fired.keySet().retainAll(all.stream().map(ReportSchedule::id).toList());
        for (ReportSchedule schedule : all) {
            Optional<Instant> due = RunTimes.latestDue(schedule, now);
            if (due.isEmpty() || due.get().equals(fired.get(schedule.id()))) {
                continue;
            }
            if (fire(schedule, due.get())) {
                fired.put(schedule.id(), due.get());
                count++;
            }
        }
        return count;
    }

    private boolean fire(ReportSchedule schedule, Instant dueAt) {
        List<String> channels = channelsOf(schedule);
        if (channels.isEmpty()) {
            LOG.warn(
                    "Report schedule {} asks for {}, none of which runs here; not sent",
                    schedule.id(),
                    schedule.channels());
            return true;
        }
        Notification run =
                Notification.scheduledReport(
                        runOf(schedule, dueAt), schedule.createdBy(), channels);
        try {
            publisher
                    .publish(NotifierTopics.REPORT_RUNS, schedule.createdBy(), run)
                    .get(PUBLISH_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            LOG.info("Report schedule {} fired its run due {}", schedule.id(), dueAt);
            return true;
        } catch (ExecutionException | TimeoutException e) {
            LOG.warn("Report schedule {} could not fire; retrying next tick", schedule.id(), e);
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    static ReportRun runOf(ReportSchedule schedule, Instant dueAt) {
        ReportPeriod period = schedule.periodFor(dueAt);
        String title =
                (schedule.cadence().label().equals("weekly") ? "Weekly" : "Monthly")
                        + " report: "
                        + schedule.describeWhat()
                        + " ("
                        + period.label()
                        + ")";
        return new ReportRun(
                schedule.id(),
                dueAt,
                schedule.report().label(),
                schedule.tenant(),
                schedule.owner(),
                schedule.team(),
                schedule.format().label(),
                period.firstDay(),
                period.lastDay(),
                schedule.createdBy(),
                title,
                schedule.segment());
    }

    private List<String> channelsOf(ReportSchedule schedule) {
        List<String> out = new ArrayList<>();
        if (schedule.channels().contains(ReportSchedule.EMAIL)
                && pushChannels.contains(NotificationPreferences.EMAIL)) {
            out.add(NotificationPreferences.EMAIL);
        }
        if (schedule.channels().contains(ReportSchedule.CHAT)) {
            pushChannels.stream()
                    .filter(c -> !c.equals(NotificationPreferences.EMAIL))
                    .filter(c -> !c.equals(NotificationPreferences.IN_APP))
                    .sorted()
                    .forEach(out::add);
        }
        return out;
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
