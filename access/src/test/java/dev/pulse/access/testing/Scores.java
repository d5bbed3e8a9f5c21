package dev.pulse.access.testing;

import dev.pulse.topologies.account.Account;
import dev.pulse.topologies.health.Band;
import dev.pulse.topologies.health.Contribution;
import dev.pulse.topologies.health.HealthScore;
import dev.pulse.topologies.risk.RiskAssessment;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/** Builds real domain records for tests. */
public final class Scores {
    public static final String MODEL = "test-model-1";

    private Scores() {}

    public static Band band(double score) {
        if (score >= 70) {
            return Band.HEALTHY;
        }
        return score >= 40 ? Band.NEUTRAL : Band.AT_RISK;
    }

    /** A score as of {@code asOf} with two contributions derived from it. */
    public static HealthScore score(String tenant, double score, Instant asOf) {
        return score(tenant, score, asOf, null, null);
    }

    public static HealthScore score(
            String tenant, double score, Instant asOf, Double delta7d, Double delta30d) {
        List<Contribution> contributions =
                List.of(
                        new Contribution(
                                "seat_utilisation",
                                "seat utilisation",
                                score / 100,
                                score,
                                0.5,
                                score * 0.5,
                                "uses " + Math.round(score) + "% of seats"),
                        new Contribution(
                                "active_days", "active days", null, null, 0, 0, "no data yet"));
        return new HealthScore(
                tenant,
                score,
                band(score),
                MODEL,
                asOf,
                delta7d,
                delta30d,
                contributions,
                "uses " + Math.round(score) + "% of seats",
                asOf.minusSeconds(86_400L * 60),
                asOf.minusSeconds(3600),
                null);
    }

    /** The end-of-day score of {@code day}: as of the start of the next UTC day. */
    public static HealthScore endOfDay(String tenant, LocalDate day, double score) {
        Instant asOf = day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        HealthScore s = score(tenant, score, asOf);
        return s.withActivity(s.firstEventAt(), null);
    }

    /**
     * The end-of-day score of {@code day} carrying that day's at-risk decision, as the topology
     * stores it: the band is at risk exactly when the decision is.
     */
    public static HealthScore endOfDay(String tenant, LocalDate day, double score, boolean atRisk) {
        HealthScore s = endOfDay(tenant, day, score);
        Band band = atRisk ? Band.AT_RISK : score >= 70 ? Band.HEALTHY : Band.NEUTRAL;
        String reason =
                atRisk ? "active users down 60% against their usual 4 weeks" : s.topReason();
        return new HealthScore(
                tenant,
                score,
                band,
                MODEL,
                s.asOf(),
                null,
                null,
                s.contributions(),
                reason,
                s.firstEventAt(),
                null,
                new RiskAssessment(
                        day,
                        atRisk,
                        atRisk,
                        atRisk,
                        !atRisk,
                        atRisk ? day.minusDays(6) : null,
                        atRisk ? day : null,
                        reason,
                        "active_user_days",
                        atRisk ? 60.0 : 1.0,
                        null));
    }

    public static Account account(String tenant, String name, String owner) {
        return new Account(
                tenant,
                name,
                owner,
                "emea",
                "enterprise",
                100L,
                120_000.0,
                LocalDate.of(2027, 3, 31),
                "enterprise");
    }
}
