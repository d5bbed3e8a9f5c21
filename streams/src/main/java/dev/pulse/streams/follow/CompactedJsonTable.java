package dev.pulse.streams.follow;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.pulse.streams.connection.KafkaConnection;
import dev.pulse.streams.runtime.KafkaTopics;
import dev.pulse.streams.runtime.PulseTopicsAdmin;
import dev.pulse.topologies.json.PulseJson;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A table of JSON values kept on a compacted topic (key: the value's id, value: its JSON, a
 * tombstone when removed), held whole in memory by every instance. A {@link TopicFollower} keeps it
 * current; a write waits for the broker's ack ({@link CompactedTopicWriter}) and is applied locally
 * at once with its offset ({@link LatestByKey}), so what a request wrote the next request reads.
 * Small shared definitions that are needed outside Kafka Streams (report schedules, saved segments)
 * live in one of these.
 *
 * <p>A record that cannot be read is logged and treated as absent: it fails closed.
 *
 * <p>Stores of one kind of value (report schedules, segments) extend it with their topic; the
 * warehouse directory source keeps Pulse's account directory in one.
 *
 * @param <V> the value type, a record Pulse's JSON mapper reads and writes
 */
public class CompactedJsonTable<V> implements KeyedStore<V>, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CompactedJsonTable.class);

    private final String topic;
    private final String what;
    private final Class<V> type;
    private final Function<V, String> idOf;
    private final LatestByKey<V> table = new LatestByKey<>();
    private final CompactedTopicWriter writer;
    private final TopicFollower follower;

    /**
     * Starts following {@code topic} from its beginning.
     *
     * @param clientId names the producer and the follower's consumer
     * @param what names the values in logs and errors ("report schedule", "segment")
     * @param idOf a value's id, its key on the topic
     */
    public CompactedJsonTable(
            KafkaConnection kafka,
            String topic,
            String clientId,
            String what,
            Class<V> type,
            Function<V, String> idOf) {
        this.topic = topic;
        this.what = what;
        this.type = type;
        this.idOf = idOf;
        this.writer = new CompactedTopicWriter(kafka, topic, clientId, what);
        this.follower =
                new TopicFollower(
                        kafka,
                        topic,
                        TopicFollower.Start.BEGINNING,
                        clientId,
                        (offset, key, value) -> table.apply(offset, key, decode(key, value)));
        follower.start();
    }

    /** Creates the topic (compacted, one partition) if it is missing. */
    public static void ensureTopic(KafkaConnection kafka, String topic) {
        NewTopic newTopic =
                PulseTopicsAdmin.topic(topic, 1)
                        .configs(
                                Map.of(
                                        TopicConfig.CLEANUP_POLICY_CONFIG,
                                        TopicConfig.CLEANUP_POLICY_COMPACT));
        KafkaTopics.ensure(kafka, List.of(newTopic), Duration.ofSeconds(30));
    }

    /** Blocks until the values written before this table started following are known. */
    public void awaitLoaded(Duration timeout) {
        try {
            if (!follower.awaitCaughtUp(timeout)) {
                throw new IllegalStateException(
                        what + "s were not loaded from " + topic + " within " + timeout);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while loading " + what + "s", e);
        }
    }

    /** Stores {@code value} under its id; returns once the broker has it. */
    @Override
    public void save(V value) {
        write(idOf.apply(value), value);
    }

    /**
     * Stores {@code saved} and removes {@code deleted} keys without waiting for each ack in turn
     * (the records share producer batches); returns once the broker has them all, read back at once
     * as {@link #save} is.
     *
     * @throws IllegalStateException when the broker does not acknowledge them within {@code
     *     timeout}
     */
    public void saveAll(List<V> saved, List<String> deleted, Duration timeout) {
        List<CompletableFuture<Void>> acks = new ArrayList<>();
        saved.forEach(value -> acks.add(send(idOf.apply(value), value)));
        deleted.forEach(key -> acks.add(send(key, null)));
        try {
            CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new))
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException(
                    "could not store " + what + "s: " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException(
                    "could not store " + what + "s: no ack within " + timeout, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while storing " + what + "s", e);
        }
    }

    private CompletableFuture<Void> send(String key, V value) {
        return writer.send(key, encode(value))
                .thenAccept(offset -> table.apply(offset, key, value));
    }

    @Override
    public boolean delete(String key) {
        if (table.get(key).isEmpty()) {
            return false;
        }
        write(key, null);
        return true;
    }

    @Override
    public Optional<V> get(String key) {
        return table.get(key);
    }

    @Override
    public List<V> all() {
        return table.values();
    }

    @Override
    public void close() {
        follower.close();
        writer.close();
    }

    private void write(String key, V value) {
        table.apply(writer.write(key, encode(value)), key, value);
    }

    private byte[] encode(V value) {
        if (value == null) {
            return null;
        }
        try {
            return PulseJson.mapper().writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a " + what + " is always serializable", e);
        }
    }

    private V decode(String key, byte[] value) {
        if (value == null) {
            return null;
        }
        try {
            return PulseJson.mapper().readValue(value, type);
        } catch (IOException | RuntimeException e) {
            LOG.warn("Unreadable {} {} on {}; ignoring it", what, key, topic, e);
            return null;
        }
    }
}
