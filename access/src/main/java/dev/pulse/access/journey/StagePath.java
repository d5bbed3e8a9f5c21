package dev.pulse.access.journey;

import java.util.List;

/** A sequence of stages since the start, and how many accounts took exactly it. */
public record StagePath(List<String> stages, long accounts) {}
