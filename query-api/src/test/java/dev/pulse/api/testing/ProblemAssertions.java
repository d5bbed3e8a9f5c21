package dev.pulse.api.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;

/** Checks that a response is an RFC 9457 problem with the expected status. */
public final class ProblemAssertions {
    private ProblemAssertions() {}

    /** Asserts the status and the problem+json shape, and returns the body. */
    public static JsonNode assertProblem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as("status of %s", response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(
                        type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode body = RunningApi.json(response);
        assertThat(body.path("type").asText()).startsWith("urn:pulse:problem:");
        assertThat(body.path("title").asText()).isNotBlank();
        assertThat(body.path("status").asInt()).isEqualTo(status);
        assertThat(body.path("detail").asText()).isNotBlank();
        assertThat(response.body())
                .as("no stack trace in a problem body")
                .doesNotContain("\tat ")
                .doesNotContain("Exception");
        return body;
    }

    /** As {@link #assertProblem}, for 503: also a positive {@code Retry-After}. */
    public static JsonNode assertUnavailable(HttpResponse<String> response) {
        JsonNode body = assertProblem(response, 503);
        assertThat(response.headers().firstValue("Retry-After"))
                .hasValueSatisfying(seconds -> assertThat(Integer.parseInt(seconds)).isPositive());
        return body;
    }
}
