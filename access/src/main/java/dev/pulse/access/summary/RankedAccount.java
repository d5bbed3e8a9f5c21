package dev.pulse.access.summary;

import dev.pulse.topologies.health.Band;

/** An account in the top or bottom list, by its score at the end of the range. */
public record RankedAccount(
        String tenantId,
        String name,
        String owner,
        double score,
        Band band,
        Double change,
        Links links) {

    record Links(String self) {}
}
