package dev.pulse.notify.feed;

import dev.pulse.notify.NotifierListener;
import dev.pulse.notify.NotifierStores;
import dev.pulse.notify.model.Notification;
import java.time.Duration;
import java.time.Instant;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Keeps the global {@code notification-feed} store: each in-app notification under {@code
 * email/id}, replaced when it is marked read, and pushes the change to live subscribers. Kafka
 * Streams runs it for every record of the topic, on start-up too, so the store always has this
 * shape.
 */
public final class FeedStoreProcessor implements Processor<String, Notification, Void, Void> {
    private final NotificationBus bus;
    private final NotifierListener listener;
    private KeyValueStore<String, Notification> feed;
    private ProcessorContext<Void, Void> context;

    public FeedStoreProcessor(NotificationBus bus, NotifierListener listener) {
        this.bus = bus;
        this.listener = listener;
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        this.context = context;
        this.feed = context.getStateStore(NotifierStores.FEED);
    }

    @Override
    public void process(Record<String, Notification> record) {
        Notification notification = record.value();
        if (notification == null || !notification.inApp()) {
            return;
        }
        String key = NotifierStores.feedKey(notification.recipient(), notification.id());
        Notification before = feed.get(key);
        if (before != null && before.read() && !notification.read()) {
            return; // a re-delivered original must not make a read notification unread
        }
        feed.put(key, notification);
        if (before == null && !notification.read()) {
            listener.onDelivered(
                    "in-app",
                    1,
                    Duration.between(
                            notification.alertChangedAt(),
                            Instant.ofEpochMilli(context.currentSystemTimeMs())));
        }
        bus.publish(notification);
    }
}
