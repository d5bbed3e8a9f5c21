package dev.pulse.api.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pulse.api.http.ProblemException;
import dev.pulse.api.http.RequestParams;
import io.vertx.core.MultiMap;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TimeseriesQueryTest {
    private static final Instant NOW = Instant.parse("2026-11-20T10:30:00Z");

    private static TimeseriesQuery parse(String... nameValues) {
        MultiMap map = MultiMap.caseInsensitiveMultiMap();
        for (int i = 0; i < nameValues.length; i += 2) {
            map.add(nameValues[i], nameValues[i + 1]);
        }
        return TimeseriesQuery.parse(new RequestParams(map), NOW);
    }

    @Test
    void defaultsToThirtyDaysByDayAlignedToTheDay() {
        TimeseriesQuery query = parse("metric", "events");
        assertThat(query.step()).isEqualTo(Step.DAY);
        assertThat(query.from()).isEqualTo(Instant.parse("2026-10-21T00:00:00Z"));
        assertThat(query.to()).isEqualTo(NOW);
    }

    @Test
    void defaultsToFortyEightHoursByHour() {
        TimeseriesQuery query = parse("metric", "events", "step", "hour");
        assertThat(query.from()).isEqualTo(Instant.parse("2026-11-18T10:00:00Z"));
    }

    @Test
    void acceptsNinetyDaysByHourAndTwoYearsByDay() {
        assertThat(
                        parse(
                                        "metric",
                                        "events",
                                        "step",
                                        "hour",
                                        "from",
                                        "2026-08-22",
                                        "to",
                                        "2026-11-20")
                                .step())
                .isEqualTo(Step.HOUR);
        assertThat(parse("metric", "events", "from", "2024-11-19", "to", "2026-11-20").from())
                .isEqualTo(Instant.parse("2024-11-19T00:00:00Z"));
    }

    @Test
    void rejectsRangesBeyondRetention() {
        assertThatThrownBy(
                        () ->
                                parse(
                                        "metric",
                                        "events",
                                        "step",
                                        "hour",
                                        "from",
                                        "2026-08-21",
                                        "to",
                                        "2026-11-20"))
                .hasMessageContaining("range too large");
        assertThatThrownBy(
                        () -> parse("metric", "events", "from", "2024-11-18", "to", "2026-11-20"))
                .hasMessageContaining("range too large");
    }

    @Test
    void rejectsHourlyScoreMetrics() {
        assertThatThrownBy(() -> parse("metric", "health_score", "step", "hour"))
                .isInstanceOfSatisfying(
                        ProblemException.class,
                        problem ->
                                assertThat(problem.extensions())
                                        .containsEntry("parameter", "step"));
        assertThatThrownBy(() -> parse("metric", "measure.depth", "step", "hour"))
                .isInstanceOf(ProblemException.class);
        assertThatThrownBy(() -> parse("metric", "at_risk", "step", "hour"))
                .isInstanceOfSatisfying(
                        ProblemException.class,
                        problem -> {
                            assertThat(problem.extensions()).containsEntry("parameter", "step");
                            assertThat(problem.detail()).contains("must be day for at_risk");
                        });
    }

    @Test
    void atRiskIsADailyScoreMetric() {
        TimeseriesQuery query = parse("metric", "at_risk");
        assertThat(query.metric().fromDailyScores()).isTrue();
        assertThat(query.step()).isEqualTo(Step.DAY);
        assertThat(query.from()).isEqualTo(Instant.parse("2026-10-21T00:00:00Z"));
    }

    @Test
    void rejectsMissingMetricAndUnknownStep() {
        assertThatThrownBy(() -> parse()).hasMessageContaining("'metric' is required");
        assertThatThrownBy(() -> parse("metric", "events", "step", "week"))
                .hasMessageContaining("hour or day");
    }
}
