package dev.pulse.api.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pulse.streams.read.EngagementPoint;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EngagementSeriesTest {
    private static EngagementPoint bucket(String start, long events) {
        return new EngagementPoint(Instant.parse(start), events, 1, Map.of(), Map.of());
    }

    @Test
    void fillsEveryBucketWithZeroWhereNothingHappened() {
        List<SeriesPoint> points =
                EngagementSeries.points(
                        TimeseriesMetric.parse("events"),
                        Step.HOUR,
                        List.of(
                                bucket("2026-11-20T01:00:00Z", 4),
                                bucket("2026-11-20T03:00:00Z", 2)),
                        Instant.parse("2026-11-20T00:00:00Z"),
                        Instant.parse("2026-11-20T04:00:00Z"));
        assertThat(points).extracting(SeriesPoint::value).containsExactly(0L, 4L, 0L, 2L);
        assertThat(points.get(0).t()).isEqualTo(Instant.parse("2026-11-20T00:00:00Z"));
    }

    @Test
    void includesThePartialLastBucket() {
        List<SeriesPoint> points =
                EngagementSeries.points(
                        TimeseriesMetric.parse("events"),
                        Step.DAY,
                        List.of(bucket("2026-11-20T00:00:00Z", 9)),
                        Instant.parse("2026-11-19T00:00:00Z"),
                        Instant.parse("2026-11-20T10:30:00Z"));
        assertThat(points).extracting(SeriesPoint::value).containsExactly(0L, 9L);
    }
}
