package dev.pulse.notify;

import dev.pulse.notify.model.NotificationPreferences;
import dev.pulse.streams.read.StateUnavailableException;
import java.time.Duration;
import java.util.Optional;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/** People's saved notification preferences, from this instance's copy of the global store. */
public final class PreferencesReader {
    private final KafkaStreams streams;

    public PreferencesReader(KafkaStreams streams) {
        this.streams = streams;
    }

    /** The saved preferences, or empty when the person uses the defaults. */
    public Optional<NotificationPreferences> saved(String user) {
        try {
            ReadOnlyKeyValueStore<String, NotificationPreferences> store =
                    streams.store(
                            StoreQueryParameters.fromNameAndType(
                                    NotifierStores.PREFERENCES,
                                    QueryableStoreTypes.keyValueStore()));
            return Optional.ofNullable(store.get(user));
        } catch (InvalidStateStoreException e) {
            throw new StateUnavailableException(
                    "notification preferences are still loading; retry shortly",
                    Duration.ofSeconds(1),
                    e);
        }
    }
}
