package dev.pulse.access.summary;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import java.util.List;

/**
 * A summary over a range (the body of {@code GET /v1/summary}).
 *
 * @param tenantIds every account summarized, for the audit log; not part of the body
 */
public record SummaryReport(
        Instant from,
        Instant to,
        Instant asOf,
        GroupSummary overall,
        List<GroupSummary> owners,
        List<RankedAccount> top,
        List<RankedAccount> bottom,
        @JsonIgnore List<String> tenantIds) {}
