package dev.pulse.api.auth;

import dev.pulse.access.security.Principal;
import java.time.Instant;
import java.util.Objects;

/**
 * A person signed in through the browser. The browser holds only the session id (an HttpOnly
 * cookie) and the CSRF token; the identity provider's tokens were used once at sign-in and are not
 * kept.
 *
 * @param id the value of the session cookie: 256 random bits
 * @param csrfToken what every write must echo in {@link CsrfCheck#HEADER}: 256 random bits
 * @param principal who signed in, resolved from the user directory at sign-in
 * @param created when the person signed in; the absolute timeout counts from here
 */
public record BrowserSession(String id, String csrfToken, Principal principal, Instant created) {
    public BrowserSession {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(csrfToken, "csrfToken");
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(created, "created");
    }

    @Override
    public String toString() {
        return "BrowserSession[" + principal.subject() + ", since " + created + "]";
    }
}
