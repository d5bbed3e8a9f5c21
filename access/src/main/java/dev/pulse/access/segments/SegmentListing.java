package dev.pulse.access.segments;

/** A saved segment with its size and average score within the caller's scope now. */
public record SegmentListing(Segment segment, int size, Double averageScore) {}
