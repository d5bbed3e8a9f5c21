package dev.pulse.api.accounts;

import dev.pulse.api.time.UtcDays;
import dev.pulse.topologies.health.Contribution;
import dev.pulse.topologies.health.HealthScore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Builds score series from end-of-day scores: one point per day that has a score, plus the current
 * score as today's point when the range reaches today.
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
                add(points, point(metric, day, score));
            }
        }
        if (current != null && to.isAfter(today) && !today.isBefore(from)) {
            points.removeIf(p -> !p.t().isBefore(today));
            add(points, point(metric, today, current));
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

    private static SeriesPoint point(TimeseriesMetric metric, Instant t, HealthScore score) {
        if (metric.kind() == TimeseriesMetric.Kind.HEALTH_SCORE) {
            return SeriesPoint.of(t, score.score());
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
