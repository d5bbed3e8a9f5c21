package dev.pulse.streams.read;

import java.util.Map;

/** Engagement of one tenant over a range; {@code activeUsers} counts each user once. */
public record EngagementTotals(
        long events,
        long activeUsers,
        long activeDays,
        Map<String, Long> byType,
        Map<String, Long> features) {}
