package dev.pulse.notify;

import dev.pulse.notify.model.NotificationReason;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Counts what the notifier reports, by event name. */
final class CountingNotifierListener implements NotifierListener {
    private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();

    int count(String event) {
        AtomicInteger c = counts.get(event);
        return c == null ? 0 : c.get();
    }

    private void add(String event) {
        counts.computeIfAbsent(event, e -> new AtomicInteger()).incrementAndGet();
    }

    @Override
    public void onNotificationRouted(NotificationReason reason) {
        add("routed:" + reason.label());
    }

    @Override
    public void onUnrouted(String reason) {
        add("unrouted:" + reason);
    }

    @Override
    public void onDelivered(String channel, int notifications, Duration latency) {
        add("delivered:" + channel);
    }

    @Override
    public void onDeliveryFailed(String channel, boolean permanent) {
        add((permanent ? "rejected:" : "failed:") + channel);
    }

    @Override
    public void onChannelUnavailable(String channel) {
        add("unavailable:" + channel);
    }

    @Override
    public void onDuplicateSuppressed() {
        add("duplicate");
    }

    @Override
    public void onReminderSuppressed(String reason) {
        add("reminder-suppressed:" + reason);
    }
}
