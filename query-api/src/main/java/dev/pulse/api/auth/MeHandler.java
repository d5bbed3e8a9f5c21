package dev.pulse.api.auth;

import dev.pulse.access.security.AccessScope;
import dev.pulse.access.security.Principal;
import dev.pulse.api.http.JsonReply;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code GET /v1/me}: who the API takes the caller for, with which role and scope. Any
 * authenticated caller may ask, whatever their role.
 */
public final class MeHandler implements Handler<RoutingContext> {
    /** The answer. */
    record Me(
            String subject,
            String email,
            String role,
            String scope,
            String scopeDescription,
            String method) {}

    @Override
    public void handle(RoutingContext ctx) {
        Principal principal = RequestAccess.principal(ctx);
        AccessScope scope = RequestAccess.scope(ctx);
        JsonReply.send(
                ctx,
                200,
                new Me(
                        principal.subject(),
                        principal.email(),
                        principal.role().label(),
                        principal.scope().toString(),
                        scope.describe(),
                        principal.method()));
    }
}
