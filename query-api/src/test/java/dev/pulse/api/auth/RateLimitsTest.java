package dev.pulse.api.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RateLimitsTest {
    @Test
    void allowsABurstThenSaysHowLongToWait() {
        RateLimits limits = new RateLimits(new RateLimitSettings(1, 3));
        for (int i = 0; i < 3; i++) {
            assertThat(limits.tryRequest("sarah@example.com")).isEmpty();
        }
        assertThat(limits.tryRequest("sarah@example.com"))
                .hasValueSatisfying(
                        wait ->
                                assertThat(wait)
                                        .isPositive()
                                        .isLessThanOrEqualTo(Duration.ofSeconds(1)));
        assertThat(limits.tryRequest("marc@example.com")).as("buckets are per subject").isEmpty();
    }

    @Test
    void throttlesAnAddressOnlyAfterItsFailuresUsedUpTheBurst() {
        RateLimits limits = new RateLimits(new RateLimitSettings(1, 2));
        assertThat(limits.authenticationFailed("10.0.0.1")).isEmpty();
        assertThat(limits.authenticationFailed("10.0.0.1")).isEmpty();
        assertThat(limits.authenticationFailed("10.0.0.1")).isPresent();
        assertThat(limits.authenticationFailed("10.0.0.2")).isEmpty();
    }

    @Test
    void retryAfterIsAtLeastOneSecond() {
        assertThat(RateLimitHandler.atLeastOneSecond(Duration.ofMillis(1)))
                .isEqualTo(Duration.ofSeconds(1));
        assertThat(RateLimitHandler.atLeastOneSecond(Duration.ofMillis(2500)))
                .isEqualTo(Duration.ofMillis(2500));
    }
}
