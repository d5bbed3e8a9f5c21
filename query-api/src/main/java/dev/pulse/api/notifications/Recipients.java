package dev.pulse.api.notifications;

import dev.pulse.access.security.Principal;
import dev.pulse.api.auth.RequestAccess;
import dev.pulse.api.http.ProblemException;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.util.Locale;

/** Whose notifications a request is about: always the caller's own, by their e-mail. */
final class Recipients {
    private Recipients() {}

    static String of(RoutingContext ctx, NotificationAccess access) {
        if (!access.enabled()) {
            throw ProblemException.unavailable(
                    "notifications are not running on this instance", Duration.ofSeconds(30));
        }
        Principal principal = RequestAccess.principal(ctx);
        if (principal.email() == null || principal.email().isBlank()) {
            throw ProblemException.forbidden(
                    "notifications belong to people: this credential ("
                            + principal.method()
                            + ") carries no e-mail");
        }
        return principal.email().toLowerCase(Locale.ROOT);
    }

    static boolean bool(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes" -> true;
            case "false", "0", "no" -> false;
            default -> throw ProblemException.badParameter("unread", "must be true or false");
        };
    }
}
