package dev.pulse.api.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TimeParamsTest {
    @Test
    void readsDateAsStartOfUtcDay() {
        assertThat(TimeParams.dateOrInstant("from", "2026-11-01"))
                .isEqualTo(Instant.parse("2026-11-01T00:00:00Z"));
    }

    @Test
    void readsInstantWithZuluOrOffset() {
        assertThat(TimeParams.dateOrInstant("to", "2026-11-01T09:30:00Z"))
                .isEqualTo(Instant.parse("2026-11-01T09:30:00Z"));
        assertThat(TimeParams.dateOrInstant("to", "2026-11-01T09:30:00.250+02:00"))
                .isEqualTo(Instant.parse("2026-11-01T07:30:00.250Z"));
        assertThat(TimeParams.dateOrInstant("to", " 2026-11-01T09:30Z "))
                .isEqualTo(Instant.parse("2026-11-01T09:30:00Z"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "11/01/2026",
                "2026-13-01",
                "2026-02-30",
                "2026-11-01T09:30:00",
                "yesterday",
                "1730419200"
            })
    void rejectsMalformedDateWithProblemNamingParameterAndForm(String value) {
        assertThatThrownBy(() -> TimeParams.dateOrInstant("from", value))
                .isInstanceOfSatisfying(
                        ProblemException.class,
                        problem -> {
                            assertThat(problem.status()).isEqualTo(400);
                            assertThat(problem.extensions()).containsEntry("parameter", "from");
                            assertThat(problem.detail())
                                    .contains("'from'")
                                    .contains("2026-11-01T09:30:00Z")
                                    .contains(value);
                        });
    }
}
