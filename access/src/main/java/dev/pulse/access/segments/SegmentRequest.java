package dev.pulse.access.segments;

/** What a caller asks to save: a name, an optional description and the criteria. */
public record SegmentRequest(String name, String description, SegmentCriteria criteria) {}
