package dev.pulse.streams.read;

import java.time.Instant;
import java.util.Map;

/** Engagement of one tenant in one hour or day. */
public record EngagementPoint(
        Instant start,
        long events,
        long activeUsers,
        Map<String, Long> byType,
        Map<String, Long> features) {}
