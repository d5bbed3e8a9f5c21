package dev.pulse.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pulse.access.audit.AuditEntry;
import dev.pulse.api.http.SecurityHeaders;
import dev.pulse.api.testing.RawHttp;
import dev.pulse.api.testing.RunningApi;
import dev.pulse.api.testing.TestUsers;
import dev.pulse.api.testing.Tokens;
import dev.pulse.topologies.json.PulseJson;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Requests that fail before any route sees them (an undecodable path, a request line or headers
 * over the HTTP decoder's limits) still get a problem+json answer and an audit entry.
 */
class HttpLayerErrorsIT {
    private static RunningApi api;

    @BeforeAll
    static void start() {
        api = RunningApi.start(Clock.systemUTC());
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @BeforeEach
    void reset() {
        api.reset();
    }

    @Test
    void anUndecodablePathIsABadRequestProblemAndAudited() throws Exception {
        RawHttp.Answer answer =
                RawHttp.exchange(
                        api.port(),
                        "GET",
                        "/v1/accounts/%ZZ",
                        "Authorization: Bearer " + Tokens.hs256(TestUsers.ADMIN));

        assertProblem(answer, 400);
        AuditEntry entry = api.audit.last();
        assertThat(entry.status()).isEqualTo(400);
        assertThat(entry.action()).startsWith("GET ");
        assertThat(entry.action()).doesNotContain("%ZZ");
    }

    @Test
    void headersOverTheLimitAreAProblemAndAudited() throws Exception {
        RawHttp.Answer answer =
                RawHttp.exchange(api.port(), "GET", "/v1/me", "X-Padding: " + "a".repeat(10_000));

        assertProblem(answer, 431);
        assertThat(api.audit.last().status()).isEqualTo(431);
    }

    @Test
    void aRequestLineOverTheLimitIsAProblemAndAudited() throws Exception {
        RawHttp.Answer answer =
                RawHttp.exchange(api.port(), "GET", "/v1/portfolio?owner=" + "a".repeat(5_000));

        assertProblem(answer, 414);
        assertThat(api.audit.last().status()).isEqualTo(414);
    }

    @Test
    void dataAnswersCarryHardeningHeadersAndAreNotCached() {
        for (HttpResponse<String> answer :
                List.of(
                        api.get("/v1/me"),
                        api.get("/v1/portfolio.csv?owner=" + TestUsers.SARAH),
                        api.anonymous().get("/v1/me"),
                        api.get("/v1/no-such-route"))) {
            assertThat(answer.headers().firstValue("X-Content-Type-Options"))
                    .as(answer.uri() + " " + answer.statusCode())
                    .hasValue("nosniff");
            assertThat(answer.headers().firstValue("X-Frame-Options")).hasValue("DENY");
            assertThat(answer.headers().firstValue("Content-Security-Policy"))
                    .hasValue(SecurityHeaders.DATA_POLICY);
            assertThat(answer.headers().firstValue("Cache-Control")).hasValue("no-store");
        }
        RawHttp.Answer refused = RawHttp.exchange(api.port(), "GET", "/v1/accounts/%ZZ");
        assertThat(refused.headers()).containsEntry("x-content-type-options", "nosniff");
    }

    private static JsonNode assertProblem(RawHttp.Answer answer, int status) throws Exception {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(answer.headers().get("content-type")).startsWith("application/problem+json");
        JsonNode body = PulseJson.mapper().readTree(answer.body());
        assertThat(body.path("status").asInt()).isEqualTo(status);
        assertThat(body.path("type").asText()).startsWith("urn:pulse:problem:");
        assertThat(body.path("detail").asText()).isNotBlank();
        return body;
    }
}
