package dev.pulse.api.auth;

import dev.pulse.api.http.ProblemException;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.util.Optional;

/**
 * Charges each authenticated request to its caller's bucket; over the limit, 429 with {@code
 * Retry-After} (whole seconds, rounded up). Runs right after authentication, before any read.
 */
public final class RateLimitHandler implements Handler<RoutingContext> {
    private final RateLimits limits;

    public RateLimitHandler(RateLimits limits) {
        this.limits = limits;
    }

    @Override
    public void handle(RoutingContext ctx) {
        String subject = RequestAccess.principal(ctx).subject();
        Optional<Duration> wait = limits.tryRequest(subject);
        if (wait.isEmpty()) {
            ctx.next();
            return;
        }
        RateLimitSettings settings = limits.settings();
        ctx.fail(
                ProblemException.tooManyRequests(
                        "rate limit exceeded for "
                                + subject
                                + ": at most "
                                + settings.requestsPerSecond()
                                + " requests per second (bursts of "
                                + settings.burst()
                                + "); retry after the Retry-After delay",
                        atLeastOneSecond(wait.get())));
    }

    static Duration atLeastOneSecond(Duration wait) {
        return wait.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : wait;
    }
}
