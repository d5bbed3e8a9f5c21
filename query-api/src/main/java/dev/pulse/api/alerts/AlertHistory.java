package dev.pulse.api.alerts;

import dev.pulse.streams.read.AlertTransition;
import java.time.Instant;
import java.util.List;

/**
 * The answer of {@code GET /v1/alerts/history}.
 *
 * @param from the start of the range, inclusive
 * @param to the end of the range, exclusive
 * @param count how many transitions are listed
 * @param truncated whether more matched than the limit allowed (the oldest are listed)
 * @param transitions oldest first
 */
public record AlertHistory(
        String tenantId,
        Instant from,
        Instant to,
        int count,
        boolean truncated,
        List<AlertTransition> transitions) {}
