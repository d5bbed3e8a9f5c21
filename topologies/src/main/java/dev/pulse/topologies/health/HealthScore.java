package dev.pulse.topologies.health;

import java.time.Instant;
import java.util.List;

/**
 * A tenant's health score at one instant, with why it is what it is.
 *
 * @param score 0–100, one decimal
 * @param asOf the instant the score describes (windows end here)
 * @param delta7d score minus the end-of-day score seven days earlier; null without history
 * @param delta30d likewise for thirty days
 * @param topReason the contribution that costs the most points, as a sentence
 * @param firstEventAt the earliest activity Pulse has seen for the tenant
 * @param lastEventAt the latest event time counted into this score
 */
public record HealthScore(
        String tenantId,
        double score,
        Band band,
        String modelVersion,
        Instant asOf,
        Double delta7d,
        Double delta30d,
        List<Contribution> contributions,
        String topReason,
        Instant firstEventAt,
        Instant lastEventAt) {

    public HealthScore withDeltas(Double delta7d, Double delta30d) {
        return new HealthScore(
                tenantId,
                score,
                band,
                modelVersion,
                asOf,
                delta7d,
                delta30d,
                contributions,
                topReason,
                firstEventAt,
                lastEventAt);
    }

    public HealthScore withActivity(Instant firstEventAt, Instant lastEventAt) {
        return new HealthScore(
                tenantId,
                score,
                band,
                modelVersion,
                asOf,
                delta7d,
                delta30d,
                contributions,
                topReason,
                firstEventAt,
                lastEventAt);
    }

    /** True when a reader would see a different score: value, band, deltas or model changed. */
    public boolean differsVisiblyFrom(HealthScore other) {
        return other == null
                || score != other.score
                || band != other.band
                || !java.util.Objects.equals(delta7d, other.delta7d)
                || !java.util.Objects.equals(delta30d, other.delta30d)
                || !modelVersion.equals(other.modelVersion);
    }
}
