package dev.pulse.access.segments;

import dev.pulse.streams.connection.KafkaConnection;
import dev.pulse.streams.follow.CompactedJsonTable;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Segments on the compacted {@value #TOPIC} (key: segment id, value: the {@link Segment} JSON, a
 * tombstone when deleted), held whole by every instance ({@link CompactedJsonTable}): a segment
 * saved through one instance is listed by the next request to it at once and by the others as soon
 * as they read the record. An unreadable segment is absent.
 */
public final class KafkaSegmentStore implements SegmentStore, AutoCloseable {
    public static final String TOPIC = "pulse.segments.v1";

    private final CompactedJsonTable<Segment> table;

    public KafkaSegmentStore(KafkaConnection kafka) {
        this(kafka, TOPIC);
    }

    public KafkaSegmentStore(KafkaConnection kafka, String topic) {
        this.table =
                new CompactedJsonTable<>(kafka, topic, "pulse-segments", "segment", Segment.class);
    }

    /** Creates the topic (compacted, one partition) if it is missing. */
    public static void ensureTopic(KafkaConnection kafka, String topic) {
        CompactedJsonTable.ensureTopic(kafka, topic);
    }

    /** Blocks until the segments saved before this store started are known. */
    public void awaitLoaded(Duration timeout) {
        table.awaitLoaded(timeout);
    }

    @Override
    public void save(Segment segment) {
        table.put(segment.id(), segment);
    }

    @Override
    public boolean delete(String id) {
        return table.remove(id);
    }

    @Override
    public Optional<Segment> get(String id) {
        return table.get(id);
    }

    @Override
    public List<Segment> all() {
        return table.values();
    }

    @Override
    public void close() {
        table.close();
    }
}
