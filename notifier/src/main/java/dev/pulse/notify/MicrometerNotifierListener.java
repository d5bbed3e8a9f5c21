package dev.pulse.notify;

import dev.pulse.notify.model.NotificationReason;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The notifier's metrics: {@code pulse_notifications_routed_total{reason}}, {@code
 * pulse_notifications_unrouted_total{reason}}, {@code pulse_notification_deliveries_total{channel,
 * outcome}} (delivered, failed, rejected, channel-unavailable, duplicate), {@code
 * pulse_notification_delivery_latency_seconds{channel}} (alert change → delivered, a histogram),
 * {@code pulse_notification_outbox_depth{channel}} and {@code
 * pulse_notification_reminders_suppressed_total{reason}}. Every counter whose labels are known up
 * front (reasons, each push channel's outcomes) exists at 0 from the start.
 */
public final class MicrometerNotifierListener implements NotifierListener {
    private final MeterRegistry registry;
    private final Map<String, Map<String, Integer>> depthByTask = new ConcurrentHashMap<>();
    private final Set<String> depthGauges = ConcurrentHashMap.newKeySet();

    static final List<String> UNROUTED_REASONS =
            List.of(
                    "severity-not-wanted",
                    "no-channel-chosen",
                    "no-owner",
                    "owner-not-in-directory",
                    "outside-scope");
    static final List<String> SUPPRESSED_REMINDER_REASONS = List.of("acknowledged", "snoozed");
    static final List<String> OUTCOMES =
            List.of("delivered", "failed", "rejected", "channel-unavailable");

    public MicrometerNotifierListener(MeterRegistry registry, Iterable<String> channels) {
        this.registry = registry;
        for (NotificationReason reason : NotificationReason.values()) {
            routed(reason);
        }
        UNROUTED_REASONS.forEach(this::unrouted);
        SUPPRESSED_REMINDER_REASONS.forEach(this::suppressed);
        deliveries("any", "duplicate");
        for (String channel : channels) {
            depthGauge(channel);
            OUTCOMES.forEach(outcome -> deliveries(channel, outcome));
        }
    }

    @Override
    public void onNotificationRouted(NotificationReason reason) {
        routed(reason).increment();
    }

    private Counter routed(NotificationReason reason) {
        return Counter.builder("pulse.notifications.routed")
                .description("Notifications routed to a person, by reason")
                .tag("reason", reason.label())
                .register(registry);
    }

    @Override
    public void onUnrouted(String reason) {
        unrouted(reason).increment();
    }

    private Counter unrouted(String reason) {
        return Counter.builder("pulse.notifications.unrouted")
                .description("Alert changes nobody was told about, by reason")
                .tag("reason", reason)
                .register(registry);
    }

    @Override
    public void onDelivered(String channel, int notifications, Duration latency) {
        deliveries(channel, "delivered").increment(notifications);
        if (latency != null) {
            Timer.builder("pulse.notification.delivery.latency")
                    .description("From the alert change to the channel accepting the notification")
                    .tag("channel", channel)
                    .publishPercentileHistogram()
                    .minimumExpectedValue(Duration.ofMillis(10))
                    .maximumExpectedValue(Duration.ofHours(1))
                    .register(registry)
                    .record(latency.isNegative() ? Duration.ZERO : latency);
        }
    }

    @Override
    public void onDeliveryFailed(String channel, boolean permanent) {
        deliveries(channel, permanent ? "rejected" : "failed").increment();
    }

    @Override
    public void onChannelUnavailable(String channel) {
        deliveries(channel, "channel-unavailable").increment();
    }

    @Override
    public void onDuplicateSuppressed() {
        deliveries("any", "duplicate").increment();
    }

    @Override
    public void onReminderSuppressed(String reason) {
        suppressed(reason).increment();
    }

    private Counter suppressed(String reason) {
        return Counter.builder("pulse.notification.reminders.suppressed")
                .description("Reminders not sent, by reason (acknowledged, snoozed)")
                .tag("reason", reason)
                .register(registry);
    }

    @Override
    public void onOutboxDepth(String taskId, Map<String, Integer> waitingByChannel) {
        depthByTask.put(taskId, Map.copyOf(waitingByChannel));
        waitingByChannel.keySet().forEach(this::depthGauge);
    }

    private Counter deliveries(String channel, String outcome) {
        return Counter.builder("pulse.notification.deliveries")
                .description("Push deliveries, by channel and outcome")
                .tag("channel", channel)
                .tag("outcome", outcome)
                .register(registry);
    }

    private void depthGauge(String channel) {
        if (depthGauges.add(channel)) {
            Gauge.builder(
                            "pulse.notification.outbox.depth",
                            depthByTask,
                            tasks ->
                                    tasks.values().stream()
                                            .mapToInt(m -> m.getOrDefault(channel, 0))
                                            .sum())
                    .description("Push deliveries waiting in the outbox (retrying or scheduled)")
                    .tag("channel", channel)
                    .register(registry);
        }
    }
}
