package dev.pulse.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pulse.access.security.AccessDeniedException;
import dev.pulse.streams.read.StateUnavailableException;
import io.vertx.ext.web.handler.HttpException;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

class ProblemFailureHandlerTest {
    @Test
    void keepsRaisedProblem() {
        ProblemException raised = ProblemException.notFound("no such tenant");
        assertThat(ProblemFailureHandler.problemFor(raised, -1, "GET", "/x")).isSameAs(raised);
    }

    @Test
    void mapsUnavailableStateTo503WithRetryAfterEvenWhenWrapped() {
        StateUnavailableException cause =
                new StateUnavailableException("rebalancing", Duration.ofSeconds(2), null);
        ProblemException problem =
                ProblemFailureHandler.problemFor(new CompletionException(cause), -1, "GET", "/x");
        assertThat(problem.status()).isEqualTo(503);
        assertThat(problem.retryAfter()).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void mapsBareStatusCodes() {
        assertThat(ProblemFailureHandler.problemFor(null, 404, "GET", "/nope").detail())
                .contains("/nope");
        assertThat(ProblemFailureHandler.problemFor(null, 405, "DELETE", "/v1/summary").detail())
                .contains("DELETE");
        assertThat(ProblemFailureHandler.problemFor(null, 413, "POST", "/v1/events").detail())
                .contains("10 MB");
        assertThat(
                        ProblemFailureHandler.problemFor(new HttpException(413), -1, "POST", "/")
                                .status())
                .isEqualTo(413);
    }

    @Test
    void hidesBugsBehindA500() {
        ProblemException problem =
                ProblemFailureHandler.problemFor(
                        new NullPointerException("secret"), -1, "GET", "/v1/summary");
        assertThat(problem.status()).isEqualTo(500);
        assertThat(problem.detail()).doesNotContain("secret").doesNotContain("NullPointer");
    }

    @Test
    void mapsDeniedAccessTo403WithItsReason() {
        ProblemException problem =
                ProblemFailureHandler.problemFor(
                        new CompletionException(
                                new AccessDeniedException("tenant 'x' is outside your scope")),
                        -1,
                        "GET",
                        "/v1/accounts/x");
        assertThat(problem.status()).isEqualTo(403);
        assertThat(problem.detail()).isEqualTo("tenant 'x' is outside your scope");
    }

    @Test
    void problemsCarryHeadersThroughCopies() {
        ProblemException problem =
                ProblemException.unauthorized("expired")
                        .withHeader("WWW-Authenticate", "Bearer realm=\"pulse\"")
                        .with("parameter", "x");
        assertThat(problem.headers()).containsEntry("WWW-Authenticate", "Bearer realm=\"pulse\"");
        assertThat(problem.status()).isEqualTo(401);
    }

    @Test
    void roundsRetryAfterUpToWholeSeconds() {
        assertThat(ProblemFailureHandler.retryAfterSeconds(Duration.ofMillis(1))).isEqualTo(1);
        assertThat(ProblemFailureHandler.retryAfterSeconds(Duration.ofMillis(1001))).isEqualTo(2);
        assertThat(ProblemFailureHandler.retryAfterSeconds(Duration.ZERO)).isEqualTo(1);
    }
}
