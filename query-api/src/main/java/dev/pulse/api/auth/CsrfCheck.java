package dev.pulse.api.auth;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Set;

/**
 * Cross-site request forgery defence for requests authenticated by the session cookie
 * (double-submit): the browser sends the cookie on any request, even one another site triggers, but
 * only Pulse's own pages can read the {@code XSRF-TOKEN} cookie and echo it in {@value #HEADER}.
 * Every request that may change something must carry it, equal to the session's token.
 */
public final class CsrfCheck {
    public static final String HEADER = "X-XSRF-TOKEN";

    /** Methods that change nothing; everything else must prove it comes from Pulse's pages. */
    private static final Set<HttpMethod> SAFE =
            Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);

    private CsrfCheck() {}

    /** True when the request changes nothing or echoes the session's CSRF token. */
    public static boolean passes(HttpServerRequest request, BrowserSession session) {
        return SAFE.contains(request.method()) || echoesToken(request, session);
    }

    /** True when the request carries exactly the session's token in {@value #HEADER}. */
    public static boolean echoesToken(HttpServerRequest request, BrowserSession session) {
        String sent = request.getHeader(HEADER);
        return sent != null
                && MessageDigest.isEqual(
                        sent.getBytes(StandardCharsets.UTF_8),
                        session.csrfToken().getBytes(StandardCharsets.UTF_8));
    }

    /** The 403 detail of a write without the token. */
    public static String missingTokenReason() {
        return "this request is authenticated by the session cookie and changes data: send the"
                + " XSRF-TOKEN cookie's value in the "
                + HEADER
                + " header";
    }
}
