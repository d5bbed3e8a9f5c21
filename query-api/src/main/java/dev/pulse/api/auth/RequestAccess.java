package dev.pulse.api.auth;

import dev.pulse.access.security.AccessScope;
import dev.pulse.access.security.AuthorizedStateReader;
import dev.pulse.access.security.Caller;
import dev.pulse.access.security.Principal;
import dev.pulse.api.audit.AuditTrail;
import dev.pulse.api.http.ProblemException;
import io.vertx.ext.web.RoutingContext;
import java.util.Collection;
import java.util.List;

/**
 * What an authenticated request may read, and the only way handlers get a reader: {@link
 * #reader(RoutingContext)} returns the request's scope-checked reader (an {@code
 * AuthorizedStateReader} over the caller's {@link AccessScope}) and refuses roles that cannot read.
 * Handlers never hold the unchecked reader, so a forgotten check cannot leak data.
 *
 * @param principal who is calling
 * @param scope what they may see
 * @param reader the read layer filtered to {@code scope}
 */
public record RequestAccess(Principal principal, AccessScope scope, AuthorizedStateReader reader) {
    private static final String KEY = "pulse.access";

    void attachTo(RoutingContext ctx) {
        ctx.put(KEY, this);
    }

    /** The request's access; fails (a bug, 500) on a route that is not behind authentication. */
    public static RequestAccess of(RoutingContext ctx) {
        RequestAccess access = ctx.get(KEY);
        if (access == null) {
            throw new IllegalStateException(
                    ctx.normalizedPath() + " is not behind the authentication handler");
        }
        return access;
    }

    /** The scope-checked reader of this request; 403 for roles that read nothing. */
    public static AuthorizedStateReader reader(RoutingContext ctx) {
        RequestAccess access = of(ctx);
        if (!access.principal().role().canRead()) {
            throw ProblemException.forbidden(
                    "role "
                            + access.principal().role().label()
                            + " may not read data; it may only send events and accounts");
        }
        return access.reader();
    }

    /** The caller the use cases take; 403 for roles that read nothing, as {@link #reader}. */
    public static Caller caller(RoutingContext ctx) {
        RequestAccess access = of(ctx);
        return new Caller(access.principal(), access.scope(), reader(ctx));
    }

    public static Principal principal(RoutingContext ctx) {
        return of(ctx).principal();
    }

    public static AccessScope scope(RoutingContext ctx) {
        return of(ctx).scope();
    }

    /** Records, for the audit log, that the answer is about these tenants. Thread-safe. */
    public static void touched(RoutingContext ctx, Collection<String> tenantIds) {
        AuditTrail.of(ctx).touched(tenantIds);
    }

    public static void touched(RoutingContext ctx, String tenantId) {
        touched(ctx, List.of(tenantId));
    }
}
