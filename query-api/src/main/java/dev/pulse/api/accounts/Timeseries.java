package dev.pulse.api.accounts;

import java.time.Instant;
import java.util.List;

/**
 * The body of {@code GET /v1/accounts/{tenant}/timeseries}.
 *
 * @param from the start of the first bucket the range covers (the requested {@code from} rounded
 *     down to the step)
 * @param to the requested end, exclusive
 */
record Timeseries(
        String tenantId,
        String metric,
        String step,
        Instant from,
        Instant to,
        List<SeriesPoint> points) {}
