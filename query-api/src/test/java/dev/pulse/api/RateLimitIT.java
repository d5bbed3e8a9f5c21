package dev.pulse.api;

import static dev.pulse.api.testing.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pulse.access.audit.AuditEntry;
import dev.pulse.api.auth.RateLimitSettings;
import dev.pulse.api.testing.RunningApi;
import dev.pulse.api.testing.TestUsers;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Per-identity and per-address limits: 429 with Retry-After once the burst is used up. */
class RateLimitIT {
    private static final int BURST = 5;
    private RunningApi api;

    @BeforeEach
    void start() {
        // One request per second after a burst of five: a test cannot outpace the refill by luck.
        api = RunningApi.builder().rateLimits(new RateLimitSettings(1, BURST)).start();
    }

    @AfterEach
    void stop() {
        api.close();
    }

    private static HttpResponse<String> untilLimited(RunningApi.Caller caller, int atMost) {
        for (int i = 0; i < atMost; i++) {
            HttpResponse<String> response = caller.get("/v1/me");
            if (response.statusCode() == 429) {
                return response;
            }
        }
        throw new AssertionError("no 429 after " + atMost + " requests");
    }

    @Test
    void answers429WithRetryAfterOnceTheBurstIsUsedUp() {
        RunningApi.Caller sarah = api.as(TestUsers.SARAH);
        for (int i = 0; i < BURST; i++) {
            assertThat(sarah.get("/v1/me").statusCode()).isEqualTo(200);
        }
        HttpResponse<String> limited = untilLimited(sarah, 3);

        JsonNode problem = assertProblem(limited, 429);
        assertThat(problem.path("detail").asText())
                .startsWith(
                        "rate limit exceeded for sarah@example.com: at most 1 requests per"
                                + " second (bursts of 5)");
        long retryAfter = Long.parseLong(limited.headers().firstValue("Retry-After").orElseThrow());
        assertThat(retryAfter).isEqualTo(1L);
        AuditEntry entry = api.audit.last();
        assertThat(entry.status()).isEqualTo(429);
        assertThat(entry.allowed()).isFalse();
        assertThat(entry.subject()).isEqualTo(TestUsers.SARAH);

        assertThat(api.as(TestUsers.MARC).get("/v1/me").statusCode())
                .as("limits are per identity")
                .isEqualTo(200);
    }

    @Test
    void slowsCredentialGuessingFromOneAddress() {
        RunningApi.Caller guesser = api.withKey("pk_000000000000_" + "A".repeat(43));
        for (int i = 0; i < BURST; i++) {
            assertProblem(guesser.get("/v1/me"), 401);
        }
        HttpResponse<String> blocked = guesser.get("/v1/me");
        JsonNode problem = assertProblem(blocked, 429);
        assertThat(problem.path("detail").asText())
                .startsWith("too many failed authentication attempts from 127.0.0.1");
        assertThat(blocked.headers().firstValue("Retry-After")).hasValue("1");
        assertProblem(api.as(TestUsers.SARAH).get("/v1/me"), 429);
        assertThat(api.audit.last().subject()).isEqualTo("anonymous");

        // The refill lets the address try again.
        org.awaitility.Awaitility.await()
                .atMost(Duration.ofSeconds(5))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> api.as(TestUsers.SARAH).get("/v1/me").statusCode() == 200);
    }

    @Test
    void publicRoutesAreNotLimited() {
        for (int i = 0; i < BURST * 3; i++) {
            assertThat(api.anonymous().get("/health/live").statusCode()).isEqualTo(200);
        }
    }
}
