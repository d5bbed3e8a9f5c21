package dev.pulse.api.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TimeRangeTest {
    private static final Instant NOW = Instant.parse("2026-11-20T10:30:00Z");
    private static final Duration MONTH = Duration.ofDays(30);
    private static final Duration MAX = Duration.ofDays(90);

    @Test
    void defaultsToTheSpanEndingNow() {
        TimeRange range =
                TimeRange.resolve(Optional.empty(), Optional.empty(), NOW, MONTH, MAX, "");
        assertThat(range).isEqualTo(new TimeRange(NOW.minus(MONTH), NOW));
    }

    @Test
    void defaultsFromToTheSpanBeforeAGivenTo() {
        Instant to = Instant.parse("2026-06-01T00:00:00Z");
        TimeRange range = TimeRange.resolve(Optional.empty(), Optional.of(to), NOW, MONTH, MAX, "");
        assertThat(range.from()).isEqualTo(to.minus(MONTH));
    }

    @Test
    void rejectsFromNotBeforeTo() {
        assertThatThrownBy(
                        () ->
                                TimeRange.resolve(
                                        Optional.of(NOW), Optional.of(NOW), NOW, MONTH, MAX, ""))
                .isInstanceOfSatisfying(
                        ProblemException.class,
                        problem -> {
                            assertThat(problem.status()).isEqualTo(400);
                            assertThat(problem.detail()).contains("must be before 'to'");
                        });
    }

    @Test
    void rejectsRangeLongerThanTheLimit() {
        assertThatThrownBy(
                        () ->
                                TimeRange.resolve(
                                        Optional.of(NOW.minus(MAX).minusSeconds(1)),
                                        Optional.of(NOW),
                                        NOW,
                                        MONTH,
                                        MAX,
                                        "with step=hour"))
                .isInstanceOfSatisfying(
                        ProblemException.class,
                        problem ->
                                assertThat(problem.detail())
                                        .startsWith("range too large")
                                        .contains("90 days")
                                        .contains("with step=hour"));
    }

    @Test
    void acceptsRangeOfExactlyTheLimit() {
        assertThat(
                        TimeRange.resolve(
                                Optional.of(NOW.minus(MAX)), Optional.of(NOW), NOW, MONTH, MAX, ""))
                .isEqualTo(new TimeRange(NOW.minus(MAX), NOW));
    }
}
