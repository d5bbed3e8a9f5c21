package dev.pulse.access.segments;

import java.util.List;
import java.util.Optional;

/** Where segments are kept. Every instance sees every segment; writes are read back at once. */
public interface SegmentStore {
    void save(Segment segment);

    /** Removes the segment; false when there was none with that id. */
    boolean delete(String id);

    Optional<Segment> get(String id);

    /** Every segment, in no particular order. */
    List<Segment> all();
}
