package dev.pulse.api.auth;

import dev.pulse.access.security.AccessScope;
import dev.pulse.access.security.DirectoryUser;
import dev.pulse.access.security.Principal;
import dev.pulse.api.http.JsonReply;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;

/**
 * {@code GET /v1/me}: who the API takes the caller for, with which role and scope, and the name and
 * (for a customer admin) the tenant the directory gives them, so a UI can show who is signed in.
 * Any authenticated caller may ask, whatever their role.
 */
public final class MeHandler implements Handler<RoutingContext> {
    /** The answer; {@code name} and {@code tenant} are null when the directory has none. */
    record Me(
            String subject,
            String email,
            String name,
            String role,
            String scope,
            String scopeDescription,
            String tenant,
            String method) {}

    private final People people;

    public MeHandler(People people) {
        this.people = people;
    }

    @Override
    public void handle(RoutingContext ctx) {
        Principal principal = RequestAccess.principal(ctx);
        AccessScope scope = RequestAccess.scope(ctx);
        Optional<DirectoryUser> person = people.find(principal.email());
        JsonReply.send(
                ctx,
                200,
                new Me(
                        principal.subject(),
                        principal.email(),
                        person.map(DirectoryUser::name).orElse(null),
                        principal.role().label(),
                        principal.scope().toString(),
                        scope.describe(),
                        person.map(DirectoryUser::tenant).orElse(null),
                        principal.method()));
    }
}
