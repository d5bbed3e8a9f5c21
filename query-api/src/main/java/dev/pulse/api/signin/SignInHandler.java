package dev.pulse.api.signin;

import com.nimbusds.oauth2.sdk.id.State;
import dev.pulse.access.security.Principal;
import dev.pulse.api.audit.AuditTrail;
import dev.pulse.api.auth.BrowserSession;
import dev.pulse.api.auth.BrowserSessions;
import dev.pulse.api.auth.CredentialsRejectedException;
import dev.pulse.api.auth.CsrfCheck;
import dev.pulse.api.auth.People;
import dev.pulse.api.auth.SessionCookies;
import dev.pulse.api.http.BlockingReads;
import dev.pulse.api.http.HtmlPage;
import dev.pulse.api.http.JsonReply;
import dev.pulse.api.http.ProblemException;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import java.util.Optional;

/**
 * The browser's sign-in routes. {@code GET /auth/login?returnTo=/path} sends the browser to the
 * identity provider; {@code GET /auth/callback} finishes the sign-in, opens a session and sends the
 * browser back; {@code POST /auth/logout} (with the CSRF header) ends the session and answers where
 * to go to sign out at the provider too. Failures on the way are small pages in plain words, since
 * a person, not a program, reads them.
 *
 * <p>The sign-in is bound to the browser that started it by a random value in a short-lived {@value
 * #LOGIN_COOKIE} cookie, so a callback link sent to someone else does not sign them in as the
 * sender. A browser keeps one such value while it signs in, so several tabs signing in at once
 * (each after its session ended) all succeed.
 */
public final class SignInHandler {
    public static final String LOGIN = "/auth/login";
    public static final String CALLBACK = "/auth/callback";
    public static final String LOGOUT = "/auth/logout";
    static final String LOGIN_COOKIE = "pulse_login";
    private static final String LOGIN_COOKIE_PATH = "/auth/";

    private final OidcClient client;
    private final People people;
    private final BrowserSessions sessions;
    private final PendingLogins pending;
    private final BlockingReads workers;

    public SignInHandler(
            OidcClient client,
            People people,
            BrowserSessions sessions,
            PendingLogins pending,
            BlockingReads workers) {
        this.client = client;
        this.people = people;
        this.sessions = sessions;
        this.pending = pending;
        this.workers = workers;
    }

    public void mount(Router router) {
        router.get(LOGIN).handler(this::login);
        router.get(CALLBACK).handler(this::callback);
        router.post(LOGOUT).handler(this::logout);
    }

    private void login(RoutingContext ctx) {
        String requested = ctx.request().getParam("returnTo");
        Optional<String> returnTo = ReturnTo.parse(requested);
        if (returnTo.isEmpty()) {
            page(
                    ctx,
                    SignInFailure.badRequest(
                            "After signing in Pulse only returns to one of its own pages (a path"
                                    + " such as /accounts), not to '"
                                    + requested
                                    + "'."));
            return;
        }
        Cookie known = ctx.request().getCookie(LOGIN_COOKIE);
        String browser =
                known != null && !known.getValue().isEmpty()
                        ? known.getValue()
                        : new State().getValue();
        workers.run(() -> client.start(returnTo.get()))
                .onSuccess(
                        start -> {
                            pending.add(start.pending().boundTo(browser));
                            ctx.response()
                                    .addCookie(
                                            loginCookie(browser)
                                                    .setMaxAge(
                                                            PendingLogins.DEFAULT_TTL.toSeconds()));
                            redirect(ctx, start.authorizationUri().toString());
                        })
                .onFailure(failure -> fail(ctx, failure));
    }

    private void callback(RoutingContext ctx) {
        Cookie started = ctx.request().getCookie(LOGIN_COOKIE);
        Optional<PendingLogins.Pending> login = pending.take(ctx.request().getParam("state"));
        if (login.isEmpty()
                || started == null
                || !sameText(login.get().browser(), started.getValue())) {
            page(ctx, SignInFailure.badState());
            return;
        }
        String error = ctx.request().getParam("error");
        if (error != null) {
            String description = ctx.request().getParam("error_description");
            page(
                    ctx,
                    SignInFailure.refused(
                            "The identity provider did not sign you in ("
                                    + error
                                    + (description == null ? "" : ": " + description)
                                    + ")."));
            return;
        }
        String code = ctx.request().getParam("code");
        if (code == null || code.isEmpty()) {
            page(
                    ctx,
                    SignInFailure.badRequest("The identity provider sent no authorization code."));
            return;
        }
        AuditTrail trail = AuditTrail.of(ctx);
        workers.run(() -> open(trail, client.finish(code, login.get())))
                .onSuccess(
                        session -> {
                            trail.authenticated(session.principal());
                            trail.detail("signed in from the browser (OpenID Connect)");
                            // A session this browser had before ends: one browser, one session.
                            sessions.close(SessionCookies.sessionId(ctx.request()));
                            SessionCookies.set(ctx.response(), session, sessions.maxAge());
                            redirect(ctx, login.get().returnTo());
                        })
                .onFailure(failure -> fail(ctx, failure));
    }

    private BrowserSession open(AuditTrail trail, OidcClient.Identity identity) {
        Principal principal;
        try {
            principal = people.principal(identity.email(), "session");
        } catch (CredentialsRejectedException e) {
            trail.proven(identity.email());
            throw SignInFailure.notAPulseUser(identity.email());
        }
        return sessions.open(principal);
    }

    private void logout(RoutingContext ctx) {
        String id = SessionCookies.sessionId(ctx.request());
        Optional<BrowserSession> session = sessions.find(id);
        if (session.isPresent()) {
            AuditTrail trail = AuditTrail.of(ctx);
            trail.authenticated(session.get().principal());
            if (!CsrfCheck.echoesToken(ctx.request(), session.get())) {
                ctx.fail(ProblemException.forbidden(CsrfCheck.missingTokenReason()));
                return;
            }
            trail.detail("signed out");
            sessions.close(id);
        }
        SessionCookies.clear(ctx.response());
        String redirect =
                session.flatMap(s -> client.endSession()).map(URI::toString).orElse(ReturnTo.HOME);
        JsonReply.send(ctx, 200, Map.of("redirect", redirect));
    }

    private void fail(RoutingContext ctx, Throwable failure) {
        if (failure instanceof SignInFailure signIn) {
            page(ctx, signIn);
        } else {
            ctx.fail(failure);
        }
    }

    private static void page(RoutingContext ctx, SignInFailure failure) {
        HtmlPage.send(
                ctx,
                failure.status(),
                failure.title(),
                "<p>"
                        + HtmlPage.escape(failure.getMessage())
                        + "</p><p><a href=\""
                        + LOGIN
                        + "\">Sign in again</a></p>");
    }

    private static void redirect(RoutingContext ctx, String location) {
        ctx.response()
                .setStatusCode(302)
                .putHeader(HttpHeaders.LOCATION, location)
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
                .end();
    }

    /** Lax, so the browser sends it on the provider's redirect back (a top-level GET). */
    private static Cookie loginCookie(String browser) {
        return Cookie.cookie(LOGIN_COOKIE, browser)
                .setPath(LOGIN_COOKIE_PATH)
                .setSecure(true)
                .setHttpOnly(true)
                .setSameSite(CookieSameSite.LAX);
    }

    private static boolean sameText(String a, String b) {
        return MessageDigest.isEqual(
                a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
