package dev.pulse.notify.model;

import dev.pulse.topologies.alert.Alert;
import dev.pulse.topologies.alert.AlertState;
import dev.pulse.topologies.alert.Severity;
import io.soabase.recordbuilder.core.RecordBuilder;
import java.time.Instant;
import java.util.List;

/**
 * One thing one person is told about one alert, on {@code pulse.notifications.v1} keyed by the
 * recipient's e-mail. The id is derived from the alert episode, the reason and the recipient, so
 * reprocessing the same alert change yields the same id and the outbox suppresses the duplicate.
 *
 * @param id sortable: zero-padded epoch millis of {@code createdAt}, then a hash
 * @param recipient lower-case e-mail of the person told
 * @param channels push channels chosen by the recipient's preferences at routing time (e-mail,
 *     chat); the in-app feed is {@link #inApp}
 * @param inApp whether the notification belongs in the recipient's in-app feed
 * @param alertChangedAt when the alert change this tells about happened (delivery latency is
 *     measured from it)
 * @param readAt when the recipient marked it read in the feed; null while unread
 * @param report the scheduled report to attach, for {@link NotificationReason#SCHEDULED_REPORT};
 *     null for alerts (then the alert fields are set, else they are null)
 */
@RecordBuilder
public record Notification(
        String id,
        String recipient,
        NotificationReason reason,
        String alertId,
        String tenantId,
        String accountName,
        String ruleId,
        Severity severity,
        AlertState alertState,
        String explanation,
        String link,
        Instant alertChangedAt,
        Instant createdAt,
        List<String> channels,
        boolean inApp,
        Instant readAt,
        ReportRun report) {

    public Notification {
        channels = channels == null ? List.of() : List.copyOf(channels);
    }

    /**
     * The delivery of one run of a schedule to its owner. The id depends on the schedule and the
     * due time only, so a second firing of the same run (another instance, a restart) is dropped by
     * the outbox as a duplicate.
     */
    public static Notification scheduledReport(
            ReportRun run, String recipient, List<String> channels) {
        String id =
                NotificationIds.of(
                        run.dueAt(), "scheduled-report", run.scheduleId(), run.dueAt(), recipient);
        return new Notification(
                id,
                recipient,
                NotificationReason.SCHEDULED_REPORT,
                null,
                run.tenant(),
                null,
                null,
                null,
                null,
                run.title(),
                null,
                run.dueAt(),
                run.dueAt(),
                channels,
                false,
                null,
                run);
    }

    /** A notification about {@code alert} for {@code recipient}. */
    public static Notification about(
            Alert alert,
            String accountName,
            String recipient,
            NotificationReason reason,
            int sequence,
            Instant alertChangedAt,
            Instant createdAt,
            List<String> channels,
            boolean inApp) {
        String episode =
                String.valueOf(alert.firedAt() == null ? 0 : alert.firedAt().toEpochMilli());
        String id =
                NotificationIds.of(
                        createdAt, alert.id(), episode, reason.label(), sequence, recipient);
        return new Notification(
                id,
                recipient,
                reason,
                alert.id(),
                alert.tenantId(),
                accountName,
                alert.ruleId(),
                alert.severity(),
                alert.state(),
                alert.explanation(),
                alert.link(),
                alertChangedAt,
                createdAt,
                channels,
                inApp,
                null,
                null);
    }

    public Notification markedRead(Instant at) {
        return NotificationBuilder.builder(this).readAt(at).build();
    }

    public boolean read() {
        return readAt != null;
    }
}
