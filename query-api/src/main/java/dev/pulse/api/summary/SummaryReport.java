package dev.pulse.api.summary;

import java.time.Instant;
import java.util.List;

/** The body of {@code GET /v1/summary}. */
record SummaryReport(
        Instant from,
        Instant to,
        Instant asOf,
        GroupSummary overall,
        List<GroupSummary> owners,
        List<RankedAccount> top,
        List<RankedAccount> bottom) {}
