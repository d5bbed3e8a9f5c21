package dev.pulse.access.segments;

import dev.pulse.topologies.account.Account;
import dev.pulse.topologies.health.Band;
import dev.pulse.topologies.health.HealthScore;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Decides whether an account's {@link AccountFacts} meet a {@link SegmentCriteria}: pure, and
 * prepared once per criteria (lower-cased sets) so a portfolio of hundreds of accounts is matched
 * in microseconds.
 *
 * <ul>
 *   <li>Directory conditions ({@code plans}, {@code segments}, {@code owners}, {@code teams},
 *       {@code attributes}) compare text without regard to letter case; an account without the
 *       field does not match.
 *   <li>Score conditions ({@code bands}, {@code atRisk}, {@code score…}, {@code delta…}) need a
 *       score: an account not yet scored matches none of them; a delta condition needs that delta.
 *   <li>{@code renewalWithinDays}: the renewal date lies from {@code today} to {@code today + n}
 *       inclusive; a past or unknown renewal does not match.
 *   <li>{@code journeyStages} and {@code funnel} need the facts to carry a stage or funnel steps;
 *       facts without them (all facts today: those are wired in later) match no such condition.
 * </ul>
 */
public final class SegmentMatcher {
    private final SegmentCriteria criteria;
    private final LocalDate today;
    private final LocalDate renewalLimit;
    private final Set<String> plans;
    private final Set<String> segments;
    private final Set<String> owners;
    private final Set<String> teams;
    private final Set<Band> bands;
    private final Set<String> stages;
    private final boolean needsScore;

    private SegmentMatcher(SegmentCriteria criteria, LocalDate today) {
        this.criteria = criteria;
        this.today = today;
        this.renewalLimit =
                criteria.renewalWithinDays() == null
                        ? null
                        : today.plusDays(criteria.renewalWithinDays());
        this.plans = lowered(criteria.plans());
        this.segments = lowered(criteria.segments());
        this.owners = lowered(criteria.owners());
        this.teams = lowered(criteria.teams());
        this.bands = criteria.bands() == null ? null : EnumSet.copyOf(criteria.bands());
        this.stages = lowered(criteria.journeyStages());
        this.needsScore =
                bands != null
                        || criteria.atRisk() != null
                        || criteria.scoreMin() != null
                        || criteria.scoreMax() != null
                        || criteria.delta7dMin() != null
                        || criteria.delta7dMax() != null
                        || criteria.delta30dMin() != null
                        || criteria.delta30dMax() != null;
    }

    /** A matcher of {@code criteria} on {@code today} (the day renewals are counted from). */
    public static SegmentMatcher of(SegmentCriteria criteria, LocalDate today) {
        return new SegmentMatcher(criteria, today);
    }

    public SegmentCriteria criteria() {
        return criteria;
    }

    public LocalDate today() {
        return today;
    }

    /** True when any condition reads the score: accounts without one cannot match. */
    public boolean needsScore() {
        return needsScore;
    }

    public boolean matches(AccountFacts facts) {
        return matchesAccount(facts.account())
                && matchesScore(facts.score())
                && matchesJourney(facts)
                && matchesFunnel(facts);
    }

    /**
     * The conditions on the directory record alone (no score, stage or funnel): false means no
     * score of any day can make this account match, so history skips reading its scores.
     */
    public boolean matchesAccount(Account account) {
        return in(plans, account.plan())
                && in(segments, account.segment())
                && in(owners, account.owner())
                && in(teams, account.team())
                && arr(account.arr())
                && renewal(account.renewalDate())
                && attributesMatch(account.attributes());
    }

    /** The conditions on the score alone; true for every score when there are none. */
    public boolean matchesScore(HealthScore score) {
        if (!needsScore) {
            return true;
        }
        if (score == null) {
            return false;
        }
        return (bands == null || bands.contains(score.band()))
                && (criteria.atRisk() == null || criteria.atRisk() == score.atRisk())
                && between(score.score(), criteria.scoreMin(), criteria.scoreMax())
                && delta(score.delta7d(), criteria.delta7dMin(), criteria.delta7dMax())
                && delta(score.delta30d(), criteria.delta30dMin(), criteria.delta30dMax());
    }

    private boolean matchesJourney(AccountFacts facts) {
        return stages == null
                || (facts.journeyStage() != null
                        && stages.contains(facts.journeyStage().toLowerCase(Locale.ROOT)));
    }

    private boolean matchesFunnel(AccountFacts facts) {
        SegmentCriteria.FunnelStep funnel = criteria.funnel();
        if (funnel == null) {
            return true;
        }
        if (facts.funnelSteps() == null) {
            return false;
        }
        Set<String> reached = facts.funnelSteps().get(funnel.id());
        return reached != null && reached.contains(funnel.reachedStep());
    }

    private boolean arr(Double arr) {
        if (criteria.arrMin() == null && criteria.arrMax() == null) {
            return true;
        }
        return arr != null && between(arr, criteria.arrMin(), criteria.arrMax());
    }

    private boolean renewal(LocalDate renewal) {
        if (renewalLimit == null) {
            return true;
        }
        return renewal != null && !renewal.isBefore(today) && !renewal.isAfter(renewalLimit);
    }

    /** Every wanted key is present (any letter case) with the wanted value (any letter case). */
    private boolean attributesMatch(Map<String, String> present) {
        if (criteria.attributes() == null) {
            return true;
        }
        for (Map.Entry<String, String> wanted : criteria.attributes().entrySet()) {
            if (!has(present, wanted.getKey(), wanted.getValue())) {
                return false;
            }
        }
        return true;
    }

    private static boolean has(Map<String, String> present, String key, String value) {
        for (Map.Entry<String, String> entry : present.entrySet()) {
            if (entry.getKey().equalsIgnoreCase(key)
                    && entry.getValue() != null
                    && entry.getValue().equalsIgnoreCase(value)) {
                return true;
            }
        }
        return false;
    }

    private static boolean delta(Double value, Double min, Double max) {
        if (min == null && max == null) {
            return true;
        }
        return value != null && between(value, min, max);
    }

    private static boolean between(double value, Double min, Double max) {
        return (min == null || value >= min) && (max == null || value <= max);
    }

    private static boolean in(Set<String> allowed, String value) {
        return allowed == null
                || (value != null && allowed.contains(value.toLowerCase(Locale.ROOT)));
    }

    private static Set<String> lowered(List<String> values) {
        return values == null
                ? null
                : values.stream()
                        .map(v -> v.toLowerCase(Locale.ROOT))
                        .collect(Collectors.toUnmodifiableSet());
    }
}
