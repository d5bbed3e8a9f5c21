package dev.pulse.api.auth;

import dev.pulse.api.http.ProblemException;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.AuthenticationHandler;

/**
 * Guards the instance-to-instance routes ({@code /internal/*}): the request must carry {@link
 * InternalToken#HEADER} equal to the configured token, compared in constant time. Without a
 * configured token the internal routes refuse everyone.
 */
public final class InternalTokenHandler implements AuthenticationHandler {
    private final String token;

    public InternalTokenHandler(String token) {
        this.token = token;
    }

    @Override
    public void handle(RoutingContext ctx) {
        if (token == null) {
            ctx.fail(
                    ProblemException.unauthorized(
                            "internal routes are disabled: this instance has no internal token"
                                    + " configured"));
            return;
        }
        String presented = ctx.request().getHeader(InternalToken.HEADER);
        if (presented == null) {
            ctx.fail(
                    ProblemException.unauthorized(
                            "internal routes need the " + InternalToken.HEADER + " header"));
            return;
        }
        if (!InternalToken.matches(presented, token)) {
            ctx.fail(ProblemException.unauthorized("the internal token is not valid"));
            return;
        }
        ctx.next();
    }
}
