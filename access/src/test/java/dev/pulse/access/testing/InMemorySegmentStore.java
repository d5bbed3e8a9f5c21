package dev.pulse.access.testing;

import dev.pulse.access.segments.Segment;
import dev.pulse.access.segments.SegmentStore;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Segments in a map: the segment use case without a broker. */
public final class InMemorySegmentStore implements SegmentStore {
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
