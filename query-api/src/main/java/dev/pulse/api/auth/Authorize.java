package dev.pulse.api.auth;

import dev.pulse.access.security.Role;
import dev.pulse.api.http.ProblemException;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.SecurityPolicyHandler;
import java.util.function.Predicate;

/**
 * Role gates for routes that are not reads: sending data needs a role that may ingest, managing
 * keys and reading the audit log needs admin. Reads are gated by {@link RequestAccess#reader} and
 * filtered by scope.
 *
 * <p>The gates are {@link SecurityPolicyHandler}s so that Vert.x runs them before the {@code
 * BodyHandler} of the same route: a caller who may not send a body is refused before it is read.
 */
public final class Authorize implements SecurityPolicyHandler {
    private final Predicate<Role> allowed;
    private final String needs;

    private Authorize(Predicate<Role> allowed, String needs) {
        this.allowed = allowed;
        this.needs = needs;
    }

    /** {@code POST /v1/events}, {@code POST /v1/accounts}: roles ingest and admin. */
    public static Authorize ingest() {
        return new Authorize(
                Role::canIngest, "sending events or accounts needs role ingest or admin");
    }

    /** Audit log and API key administration: role admin. */
    public static Authorize admin() {
        return new Authorize(Role::isAdmin, "this needs role admin");
    }

    /**
     * Acting on alerts (ack, snooze, resolve): staff who read, that is every role but ingest and
     * customer-admin (read-only). Which alerts is then a matter of scope.
     */
    public static Authorize alertActions() {
        return new Authorize(
                role -> role.canRead() && role != Role.CUSTOMER_ADMIN,
                "acting on alerts needs role viewer, analyst, manager or admin");
    }

    /**
     * Follow-ups (create, change, list): internal work items of staff, so the same roles as alert
     * actions; customer-admins and ingest users are refused. Which accounts is a matter of scope.
     */
    public static Authorize followUps() {
        return new Authorize(
                role -> role.canRead() && role != Role.CUSTOMER_ADMIN,
                "follow-ups need role viewer, analyst, manager or admin");
    }

    @Override
    public void handle(RoutingContext ctx) {
        Role role = RequestAccess.principal(ctx).role();
        if (allowed.test(role)) {
            ctx.next();
        } else {
            ctx.fail(ProblemException.forbidden(needs + "; you have role " + role.label()));
        }
    }
}
