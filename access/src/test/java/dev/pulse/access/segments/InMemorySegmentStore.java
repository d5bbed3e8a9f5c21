package dev.pulse.access.segments;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Segments in a map: the use case's rules without a broker ({@link KafkaSegmentStoreIT} has it).
 */
final class InMemorySegmentStore implements SegmentStore {
    private final Map<String, Segment> segments = new ConcurrentHashMap<>();

    @Override
    public void save(Segment segment) {
        segments.put(segment.id(), segment);
    }

    @Override
    public boolean delete(String id) {
        return segments.remove(id) != null;
    }

    @Override
    public Optional<Segment> get(String id) {
        return Optional.ofNullable(segments.get(id));
    }

    @Override
    public List<Segment> all() {
        return List.copyOf(segments.values());
    }
}
