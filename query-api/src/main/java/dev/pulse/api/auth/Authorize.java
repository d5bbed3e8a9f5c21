package dev.pulse.api.auth;

import dev.pulse.access.security.AccessDeniedException;
import dev.pulse.access.security.Permission;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.SecurityPolicyHandler;

/**
 * Role gates for routes that are not reads: sending data needs a role that may ingest, managing
 * keys and reading the audit log needs admin. Reads are gated by {@link RequestAccess#reader} and
 * filtered by scope.
 *
 * <p>The gates are {@link SecurityPolicyHandler}s so that Vert.x runs them before the {@code
 * BodyHandler} of the same route: a caller who may not send a body is refused before it is read.
 */
public final class Authorize implements SecurityPolicyHandler {
    private final Permission permission;

    private Authorize(Permission permission) {
        this.permission = permission;
    }

    /** {@code POST /v1/events}, {@code POST /v1/accounts}. */
    public static Authorize ingest() {
        return new Authorize(Permission.SEND_DATA);
    }

    /** Audit log and API key administration. */
    public static Authorize admin() {
        return new Authorize(Permission.ADMINISTER);
    }

    /** Acting on alerts (ack, snooze, resolve); which alerts is then a matter of scope. */
    public static Authorize alertActions() {
        return new Authorize(Permission.ACT_ON_ALERTS);
    }

    /** Follow-ups (create, change, list); which accounts is then a matter of scope. */
    public static Authorize followUps() {
        return new Authorize(Permission.KEEP_FOLLOW_UPS);
    }

    /** Saving, changing and deleting segments; reading them is open to every reader. */
    public static Authorize segments() {
        return new Authorize(Permission.MANAGE_SEGMENTS);
    }

    @Override
    public void handle(RoutingContext ctx) {
        try {
            permission.check(RequestAccess.principal(ctx).role());
        } catch (AccessDeniedException refused) {
            ctx.fail(refused); // 403 problem, as every refusal
            return;
        }
        ctx.next();
    }
}
