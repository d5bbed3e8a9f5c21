package dev.pulse.api;

import static dev.pulse.api.testing.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pulse.access.audit.AuditEntry;
import dev.pulse.api.auth.RateLimitSettings;
import dev.pulse.api.http.ClientAddress;
import dev.pulse.api.testing.RunningApi;
import dev.pulse.api.testing.TestUsers;
import java.net.http.HttpRequest;
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
    void throttlesFailuresButNeverValidCredentialsFromTheSameAddress() {
        // Without a trusted proxy the header is the client's own claim, and ignored.
        for (int i = 0; i < BURST; i++) {
            assertProblem(guess(api, "203.0.113.7"), 401);
        }
        HttpResponse<String> blocked = guess(api, "203.0.113.7");
        JsonNode problem = assertProblem(blocked, 429);
        assertThat(problem.path("detail").asText())
                .startsWith("too many failed authentication attempts from 127.0.0.1");
        assertThat(blocked.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(api.audit.last().subject()).isEqualTo("anonymous");
        assertThat(api.audit.last().remote()).isEqualTo("127.0.0.1");

        assertThat(api.as(TestUsers.SARAH).get("/v1/me").statusCode())
                .as("valid credentials from the throttled address")
                .isEqualTo(200);

        // The refill lets the address fail with a plain 401 again.
        org.awaitility.Awaitility.await()
                .atMost(Duration.ofSeconds(5))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> guess(api, "203.0.113.7").statusCode() == 401);
    }

    @Test
    void chargesFailuresToTheForwardedClientBehindATrustedProxy() {
        try (RunningApi proxied =
                RunningApi.builder()
                        .rateLimits(new RateLimitSettings(1, BURST))
                        .trustedProxies("127.0.0.0/8")
                        .start()) {
            for (int i = 0; i < BURST; i++) {
                assertProblem(guess(proxied, "198.51.100.9, 203.0.113.7"), 401);
            }
            assertThat(
                            assertProblem(guess(proxied, "198.51.100.9, 203.0.113.7"), 429)
                                    .path("detail")
                                    .asText())
                    .as("the rightmost address the proxy saw, not what the client wrote")
                    .startsWith("too many failed authentication attempts from 203.0.113.7");

            assertProblem(guess(proxied, "192.0.2.44"), 401);
            assertThat(proxied.audit.last().remote()).isEqualTo("192.0.2.44");
        }
    }

    /** {@code GET /v1/me} with a wrong API key, claiming to be forwarded for {@code client}. */
    private static HttpResponse<String> guess(RunningApi api, String client) {
        return api.withKey("pk_000000000000_" + "A".repeat(43))
                .send(
                        HttpRequest.newBuilder(api.uri("/v1/me"))
                                .header(ClientAddress.FORWARDED_FOR, client)
                                .GET());
    }

    @Test
    void publicRoutesAreNotLimited() {
        for (int i = 0; i < BURST * 3; i++) {
            assertThat(api.anonymous().get("/health/live").statusCode()).isEqualTo(200);
        }
    }
}
