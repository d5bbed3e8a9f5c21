package dev.pulse.topologies.health;

import dev.pulse.topologies.risk.RiskAssessment;
import io.soabase.recordbuilder.core.RecordBuilder;
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
 * @param risk the at-risk decision of the latest closed day; null before one was made. When present
 *     it decides the at-risk band: the band is at risk exactly when the decision is
 */
@RecordBuilder
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
        Instant lastEventAt,
        RiskAssessment risk) {

    /** Read-only: one score is shared by the scoring and every reader of this instance. */
    public HealthScore {
        contributions = contributions == null ? null : List.copyOf(contributions);
    }

    /** The contribution that costs the most points, as a sentence. */
    public static String levelReason(List<Contribution> contributions) {
        return contributions.stream()
                .filter(c -> c.points() != null && c.points() < 100)
                .max(java.util.Comparator.comparingDouble(Contribution::shortfall))
                .map(c -> c.label() + ": " + c.explanation())
                .orElse("all measures at their best");
    }

    /** Whether the account is at risk now: its band is, or the latest decision says so. */
    public boolean atRisk() {
        return band == Band.AT_RISK || (risk != null && risk.atRisk());
    }

    /**
     * The current score under the latest day's at-risk decision: an account the decision puts at
     * risk is in the at-risk band whatever its score, and its top reason is the decision's
     * sentence. A score below the at-risk line stays in that band while the decision catches up.
     */
    public HealthScore withRisk(RiskAssessment assessment, HealthModel model) {
        if (assessment == null) {
            return this;
        }
        Band level = model.bandOf(score);
        return with(
                assessment.atRisk() ? Band.AT_RISK : level,
                assessment.atRisk() ? assessment.reason() : levelReason(contributions),
                assessment);
    }

    /**
     * A closed day's score under that day's decision: the band is at risk exactly when the decision
     * is (a score below the at-risk line counts only once it persisted), so the daily at-risk
     * series is the decision's and does not flap around the line.
     */
    public HealthScore withDecision(RiskAssessment assessment, HealthModel model) {
        if (assessment == null) {
            return this;
        }
        Band decided =
                assessment.atRisk()
                        ? Band.AT_RISK
                        : score >= model.bands().healthy() ? Band.HEALTHY : Band.NEUTRAL;
        return with(
                decided,
                assessment.atRisk() ? assessment.reason() : levelReason(contributions),
                assessment);
    }

    private HealthScore with(Band newBand, String newTopReason, RiskAssessment newRisk) {
        return HealthScoreBuilder.builder(this)
                .band(newBand)
                .topReason(newTopReason)
                .risk(newRisk)
                .build();
    }

    public HealthScore withDeltas(Double newDelta7d, Double newDelta30d) {
        return HealthScoreBuilder.builder(this).delta7d(newDelta7d).delta30d(newDelta30d).build();
    }

    public HealthScore withActivity(Instant newFirstEventAt, Instant newLastEventAt) {
        return HealthScoreBuilder.builder(this)
                .firstEventAt(newFirstEventAt)
                .lastEventAt(newLastEventAt)
                .build();
    }

    /** True when a reader would see a different score: value, band, deltas or model changed. */
    public boolean differsVisiblyFrom(HealthScore other) {
        return other == null
                || score != other.score
                || band != other.band
                || !java.util.Objects.equals(delta7d, other.delta7d)
                || !java.util.Objects.equals(delta30d, other.delta30d)
                || atRisk() != other.atRisk()
                || !modelVersion.equals(other.modelVersion);
    }
}
