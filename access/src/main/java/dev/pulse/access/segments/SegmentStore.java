package dev.pulse.access.segments;

import dev.pulse.streams.follow.KeyedStore;

/** Where segments are kept. Every instance sees every segment; writes are read back at once. */
public interface SegmentStore extends KeyedStore<Segment> {}
