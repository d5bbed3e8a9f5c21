package dev.pulse.api.accounts;

import dev.pulse.streams.read.EngagementPoint;
import dev.pulse.topologies.time.UtcDays;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Builds engagement series: one point per bucket of the range, zero where nothing happened. */
final class EngagementSeries {
    private EngagementSeries() {}

    /**
     * @param from the start of the first bucket
     * @param to exclusive end: the last bucket is the one starting before it
     */
    static List<SeriesPoint> points(
            TimeseriesMetric metric,
            Step step,
            List<EngagementPoint> buckets,
            Instant from,
            Instant to) {
        Map<Instant, Long> values = new HashMap<>();
        for (EngagementPoint bucket : buckets) {
            values.merge(
                    UtcDays.floor(bucket.start(), step.bucket()),
                    metric.valueOf(bucket),
                    Long::sum);
        }
        List<SeriesPoint> points = new ArrayList<>();
        for (Instant t = from; t.isBefore(to); t = t.plus(step.bucket())) {
            points.add(SeriesPoint.of(t, values.getOrDefault(t, 0L)));
        }
        return points;
    }
}
