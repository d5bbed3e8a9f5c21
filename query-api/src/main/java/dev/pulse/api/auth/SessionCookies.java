package dev.pulse.api.auth;

import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import java.time.Duration;

/**
 * The cookies of a browser session. {@value #SESSION} carries the session id: {@code HttpOnly} so
 * scripts never see it, {@code SameSite=Lax} so it survives the identity provider's redirect back.
 * {@value #XSRF} carries the CSRF token: readable by Pulse's own scripts, {@code SameSite=Strict}.
 * Both are {@code Secure}; browsers accept that on {@code http://localhost} too.
 */
public final class SessionCookies {
    public static final String SESSION = "pulse_session";
    public static final String XSRF = "XSRF-TOKEN";

    private SessionCookies() {}

    /** The session id the request presents; null when it has no session cookie. */
    public static String sessionId(HttpServerRequest request) {
        Cookie cookie = request.getCookie(SESSION);
        return cookie == null || cookie.getValue().isEmpty() ? null : cookie.getValue();
    }

    /** Sets both cookies of {@code session}, lasting as long as the session may. */
    public static void set(HttpServerResponse response, BrowserSession session, Duration maxAge) {
        long seconds = maxAge.toSeconds();
        response.addCookie(session(session.id()).setMaxAge(seconds));
        response.addCookie(xsrf(session.csrfToken()).setMaxAge(seconds));
    }

    /** Tells the browser to forget both cookies. */
    public static void clear(HttpServerResponse response) {
        response.addCookie(session("").setMaxAge(0));
        response.addCookie(xsrf("").setMaxAge(0));
    }

    private static Cookie session(String value) {
        return Cookie.cookie(SESSION, value)
                .setPath("/")
                .setSecure(true)
                .setHttpOnly(true)
                .setSameSite(CookieSameSite.LAX);
    }

    private static Cookie xsrf(String value) {
        return Cookie.cookie(XSRF, value)
                .setPath("/")
                .setSecure(true)
                .setHttpOnly(false)
                .setSameSite(CookieSameSite.STRICT);
    }
}
