package dev.pulse.api.accounts;

import dev.pulse.topologies.health.Band;
import dev.pulse.topologies.health.Contribution;
import dev.pulse.topologies.health.HealthScore;
import dev.pulse.topologies.time.UtcDays;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Builds score series from end-of-day scores: one point per day that has a score, plus the current
 * score as today's point when the range reaches today. {@code at_risk} is 1 or 0: a closed day's
 * at-risk decision, and today whether the account is at risk now.
 */
final class ScoreSeries {
    private ScoreSeries() {}

    /**
     * @param daily end-of-day scores, oldest first
     * @param current the current score, or null when there is none
     * @param today the start of the current UTC day
     */
    static List<SeriesPoint> points(
            TimeseriesMetric metric,
            List<HealthScore> daily,
            HealthScore current,
            Instant from,
            Instant to,
            Instant today) {
        List<SeriesPoint> points = new ArrayList<>();
        for (HealthScore score : daily) {
            Instant day = UtcDays.startOf(UtcDays.dayClosedBy(score));
            if (!day.isBefore(from) && day.isBefore(to)) {
                add(points, point(metric, day, score, atRiskOn(score)));
            }
        }
        if (current != null && to.isAfter(today) && !today.isBefore(from)) {
            points.removeIf(p -> !p.t().isBefore(today));
            add(points, point(metric, today, current, current.atRisk()));
        }
        return points;
    }

    /** Measure ids the scores carry, for telling a client which ones exist. */
    static SortedSet<String> measures(List<HealthScore> daily, HealthScore current) {
        SortedSet<String> ids = new TreeSet<>();
        List<HealthScore> all = new ArrayList<>(daily);
        if (current != null) {
            all.add(current);
        }
        for (HealthScore score : all) {
            if (score.contributions() != null) {
                score.contributions().forEach(c -> ids.add(c.measure()));
            }
        }
        return ids;
    }

    private static void add(List<SeriesPoint> points, SeriesPoint point) {
        if (point != null) {
            points.add(point);
        }
    }

    /**
     * Whether a closed day was at risk: that day's decision; a day stored before decisions were
     * made, by its band.
     */
    static boolean atRiskOn(HealthScore endOfDay) {
        return endOfDay.risk() != null ? endOfDay.risk().atRisk() : endOfDay.band() == Band.AT_RISK;
    }

    private static SeriesPoint point(
            TimeseriesMetric metric, Instant t, HealthScore score, boolean atRisk) {
        if (metric.kind() == TimeseriesMetric.Kind.HEALTH_SCORE) {
            return SeriesPoint.of(t, score.score());
        }
        if (metric.kind() == TimeseriesMetric.Kind.AT_RISK) {
            return SeriesPoint.of(t, atRisk ? 1 : 0);
        }
        if (score.contributions() == null) {
            return null;
        }
        for (Contribution contribution : score.contributions()) {
            if (contribution.measure().equals(metric.qualifier())) {
                if (contribution.value() == null && contribution.points() == null) {
                    return null;
                }
                return new SeriesPoint(t, contribution.value(), contribution.points());
            }
        }
        return null;
    }
}
