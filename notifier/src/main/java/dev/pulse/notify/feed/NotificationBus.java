package dev.pulse.notify.feed;

import dev.pulse.notify.model.Notification;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * In-process fan-out of feed changes to live subscribers (the SSE stream). Every instance holds
 * every feed (a global store), so any instance can serve anyone's stream.
 */
public final class NotificationBus {
    private static final Logger LOG = LoggerFactory.getLogger(NotificationBus.class);

    private final Map<String, List<Consumer<Notification>>> subscribers = new ConcurrentHashMap<>();

    /** Calls {@code subscriber} with each new or changed notification of {@code user}. */
    public AutoCloseable subscribe(String user, Consumer<Notification> subscriber) {
        subscribers.computeIfAbsent(user, u -> new CopyOnWriteArrayList<>()).add(subscriber);
        return () ->
                subscribers.computeIfPresent(
                        user,
                        (u, list) -> {
                            list.remove(subscriber);
                            return list.isEmpty() ? null : list;
                        });
    }

    void publish(Notification notification) {
        List<Consumer<Notification>> list = subscribers.get(notification.recipient());
        if (list == null) {
            return;
        }
        for (Consumer<Notification> subscriber : list) {
            try {
                subscriber.accept(notification);
            } catch (RuntimeException e) {
                // One broken stream must not stop the feed for everyone else.
                LOG.warn(
                        "Notification subscriber of {} failed: {}",
                        notification.recipient(),
                        e.toString());
            }
        }
    }

    public int subscriberCount() {
        return subscribers.values().stream().mapToInt(List::size).sum();
    }
}
