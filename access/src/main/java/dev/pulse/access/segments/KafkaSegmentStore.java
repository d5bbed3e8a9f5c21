package dev.pulse.access.segments;

import dev.pulse.streams.connection.KafkaConnection;
import dev.pulse.streams.follow.CompactedJsonTable;

/**
 * Segments on the compacted {@value #TOPIC} (key: segment id, value: the {@link Segment} JSON, a
 * tombstone when deleted), held whole by every instance ({@link CompactedJsonTable}): a segment
 * saved through one instance is listed by the next request to it at once and by the others as soon
 * as they read the record. An unreadable segment is absent.
 */
public final class KafkaSegmentStore extends CompactedJsonTable<Segment> implements SegmentStore {
    public static final String TOPIC = "pulse.segments.v1";

    public KafkaSegmentStore(KafkaConnection kafka) {
        this(kafka, TOPIC);
    }

    public KafkaSegmentStore(KafkaConnection kafka, String topic) {
        super(kafka, topic, "pulse-segments", "segment", Segment.class, Segment::id);
    }
}
