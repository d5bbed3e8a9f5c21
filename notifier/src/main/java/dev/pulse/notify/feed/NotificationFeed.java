package dev.pulse.notify.feed;

import dev.pulse.notify.NotifierStores;
import dev.pulse.notify.model.Notification;
import dev.pulse.streams.read.StateUnavailableException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/** Reads people's in-app feeds from this instance's copy of the global feed store. */
public final class NotificationFeed {
    private final KafkaStreams streams;

    public NotificationFeed(KafkaStreams streams) {
        this.streams = streams;
    }

    /** The newest first, at most {@code limit}; only unread ones when {@code unreadOnly}. */
    public List<Notification> of(String user, boolean unreadOnly, int limit) {
        String prefix = NotifierStores.feedKeyPrefix(user);
        List<Notification> result = new ArrayList<>();
        // '0' is the character after '/': every key of this user sorts in [prefix, user + "0").
        try (KeyValueIterator<String, Notification> it = store().reverseRange(prefix, user + "0")) {
            while (it.hasNext() && result.size() < limit) {
                Notification n = it.next().value;
                if (n != null && (!unreadOnly || !n.read())) {
                    result.add(n);
                }
            }
        }
        return result;
    }

    public Optional<Notification> find(String user, String id) {
        return Optional.ofNullable(store().get(NotifierStores.feedKey(user, id)));
    }

    public long unreadCount(String user) {
        long unread = 0;
        String prefix = NotifierStores.feedKeyPrefix(user);
        try (KeyValueIterator<String, Notification> it = store().range(prefix, user + "0")) {
            while (it.hasNext()) {
                Notification n = it.next().value;
                if (n != null && !n.read()) {
                    unread++;
                }
            }
        }
        return unread;
    }

    private ReadOnlyKeyValueStore<String, Notification> store() {
        try {
            return streams.store(
                    StoreQueryParameters.fromNameAndType(
                            NotifierStores.FEED, QueryableStoreTypes.keyValueStore()));
        } catch (InvalidStateStoreException e) {
            throw new StateUnavailableException(
                    "the notification feed is still loading; retry shortly",
                    Duration.ofSeconds(1),
                    e);
        }
    }
}
