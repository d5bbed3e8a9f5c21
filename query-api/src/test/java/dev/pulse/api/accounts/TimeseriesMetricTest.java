package dev.pulse.api.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pulse.api.accounts.TimeseriesMetric.Kind;
import dev.pulse.api.http.ProblemException;
import dev.pulse.streams.read.EngagementPoint;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TimeseriesMetricTest {
    @Test
    void readsEveryMetricName() {
        assertThat(TimeseriesMetric.parse("health_score").kind()).isEqualTo(Kind.HEALTH_SCORE);
        assertThat(TimeseriesMetric.parse("at_risk"))
                .isEqualTo(new TimeseriesMetric(Kind.AT_RISK, null));
        assertThat(TimeseriesMetric.parse("measure.seat_utilisation"))
                .isEqualTo(new TimeseriesMetric(Kind.MEASURE, "seat_utilisation"));
        assertThat(TimeseriesMetric.parse("active_users").kind()).isEqualTo(Kind.ACTIVE_USERS);
        assertThat(TimeseriesMetric.parse("events").kind()).isEqualTo(Kind.EVENTS);
        assertThat(TimeseriesMetric.parse("events.feature_used"))
                .isEqualTo(new TimeseriesMetric(Kind.EVENTS_OF_TYPE, "feature_used"));
        assertThat(TimeseriesMetric.parse("features_used").kind()).isEqualTo(Kind.FEATURES_USED);
    }

    @Test
    void labelRoundTrips() {
        for (String name :
                new String[] {
                    "health_score",
                    "at_risk",
                    "measure.depth",
                    "active_users",
                    "events",
                    "events.login",
                    "features_used"
                }) {
            assertThat(TimeseriesMetric.parse(name).label()).isEqualTo(name);
        }
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "revenue",
                "measure.",
                "events.",
                "events.Login",
                "EVENTS",
                "measure.a b",
                "at-risk",
                "AT_RISK",
                "at_risk.x"
            })
    void rejectsUnknownMetricListingValidOnes(String name) {
        assertThatThrownBy(() -> TimeseriesMetric.parse(name))
                .isInstanceOfSatisfying(
                        ProblemException.class,
                        problem -> {
                            assertThat(problem.extensions()).containsEntry("parameter", "metric");
                            assertThat(problem.detail()).contains(TimeseriesMetric.VALID);
                            assertThat(problem.detail()).contains("at_risk");
                        });
    }

    @Test
    void countsEngagementOfABucket() {
        EngagementPoint bucket =
                new EngagementPoint(
                        Instant.EPOCH,
                        12,
                        4,
                        Map.of("login", 7L, "feature_used", 5L),
                        Map.of("reports", 3L, "export", 2L, "unused", 0L));
        assertThat(TimeseriesMetric.parse("events").valueOf(bucket)).isEqualTo(12);
        assertThat(TimeseriesMetric.parse("events.login").valueOf(bucket)).isEqualTo(7);
        assertThat(TimeseriesMetric.parse("events.api_call").valueOf(bucket)).isZero();
        assertThat(TimeseriesMetric.parse("active_users").valueOf(bucket)).isEqualTo(4);
        assertThat(TimeseriesMetric.parse("features_used").valueOf(bucket)).isEqualTo(2);
    }
}
