package dev.pulse.api.auth;

import dev.pulse.access.apikeys.ApiKey;
import dev.pulse.access.security.AccessScope;
import dev.pulse.access.security.AuthorizedStateReader;
import dev.pulse.access.security.Principal;
import dev.pulse.api.audit.AuditTrail;
import dev.pulse.api.http.BlockingReads;
import dev.pulse.api.http.ClientAddress;
import dev.pulse.api.http.ProblemException;
import dev.pulse.streams.read.TenantStateReader;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.AuthenticationHandler;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * Authenticates every {@code /v1/} request and authorizes it in one place: verifies the bearer JWT,
 * the API key or, when neither header is sent, the browser session cookie, resolves the caller's
 * scope with the access policy, and attaches a {@link RequestAccess} whose reader is an {@link
 * AuthorizedStateReader} over that scope. Handlers read only through it.
 *
 * <p>Missing or invalid credentials get 401 with a {@code WWW-Authenticate} challenge; a valid
 * token of someone who is not a Pulse user gets 403. Failed attempts are charged to the client
 * address ({@link ClientAddress}, behind a trusted proxy the forwarded one); once an address used
 * up its budget its failures get 429 instead of 401, but valid credentials are always checked and
 * accepted, so other people's failures from a shared address never lock a user out (see {@link
 * RateLimits}). A request authenticated by the session cookie that may change something must echo
 * the session's CSRF token ({@link CsrfCheck}), or it gets 403. Verification may fetch a key set
 * and resolving a scope may read accounts, so both run on the worker pool.
 */
public final class ApiAuthenticationHandler implements AuthenticationHandler {
    static final String REALM = "Bearer realm=\"pulse\"";
    static final String INVALID_API_KEY = "API key is not valid or was revoked";

    private final ApiSecurity security;
    private final TenantStateReader unchecked;
    private final BlockingReads workers;
    private final RateLimits limits;

    /**
     * @param unchecked the read layer without checks; only the scoped wrapper leaves this class
     */
    public ApiAuthenticationHandler(
            ApiSecurity security,
            TenantStateReader unchecked,
            BlockingReads workers,
            RateLimits limits) {
        this.security = security;
        this.unchecked = unchecked;
        this.workers = workers;
        this.limits = limits;
    }

    @Override
    public void handle(RoutingContext ctx) {
        String address = ClientAddress.of(ctx);
        Credentials credentials;
        try {
            credentials = Credentials.from(ctx.request().headers());
        } catch (CredentialsRejectedException e) {
            reject(ctx, address, e);
            return;
        }
        if (credentials == null && security.sessions() != null) {
            String sessionId = SessionCookies.sessionId(ctx.request());
            if (sessionId != null) {
                session(ctx, address, sessionId);
                return;
            }
        }
        if (credentials == null) {
            ctx.fail(
                    ProblemException.unauthorized(
                                    "authentication required: send Authorization: Bearer <JWT>,"
                                            + " or an API key as Authorization: ApiKey <key> or "
                                            + Credentials.API_KEY_HEADER
                                            + ": <key>")
                            .withHeader("WWW-Authenticate", REALM));
            return;
        }
        proceed(ctx, address, () -> access(credentials));
    }

    /**
     * The session cookie's person: an unknown or expired session is 401 (sign in again), a write
     * without the CSRF token 403.
     */
    private void session(RoutingContext ctx, String address, String sessionId) {
        Optional<BrowserSession> session = security.sessions().find(sessionId);
        if (session.isEmpty()) {
            // Not charged to the address: an ended session is routine (a tab left open), and a
            // 256-bit id is not guessed by retrying.
            ctx.fail(
                    ProblemException.unauthorized(
                                    "the session has ended or is unknown; sign in again at"
                                            + " /auth/login")
                            .withHeader("WWW-Authenticate", REALM));
            return;
        }
        Principal principal = session.get().principal();
        if (!CsrfCheck.passes(ctx.request(), session.get())) {
            AuditTrail.of(ctx).authenticated(principal);
            ctx.fail(ProblemException.forbidden(CsrfCheck.missingTokenReason()));
            return;
        }
        proceed(ctx, address, () -> scoped(principal));
    }

    /** Resolves the caller's access on a worker, then continues with the request's handlers. */
    private void proceed(RoutingContext ctx, String address, Callable<RequestAccess> resolve) {
        // A body is read by the route's BodyHandler, after this asynchronous step: hold it until
        // then. The handlers up to a BodyHandler run synchronously, so once next() returns the
        // BodyHandler has taken the request over, or the route has none and it may flow (and end).
        ctx.request().pause();
        workers.run(resolve)
                .onSuccess(
                        access -> {
                            access.attachTo(ctx);
                            AuditTrail.of(ctx).authenticated(access.principal());
                            ctx.next();
                            resumeUnlessEnded(ctx);
                        })
                .onFailure(
                        failure -> {
                            resumeUnlessEnded(ctx);
                            if (failure instanceof CredentialsRejectedException rejected) {
                                reject(ctx, address, rejected);
                            } else {
                                ctx.fail(failure);
                            }
                        });
    }

    /**
     * A request without a body (GET over HTTP/2) may have ended while authentication ran, and
     * resuming an ended HTTP/2 request throws.
     */
    private static void resumeUnlessEnded(RoutingContext ctx) {
        if (!ctx.request().isEnded()) {
            ctx.request().resume();
        }
    }

    private RequestAccess access(Credentials credentials) {
        Principal principal =
                credentials instanceof Credentials.Bearer bearer
                        ? jwt(bearer.token())
                        : apiKey(((Credentials.ApiKey) credentials).key());
        return scoped(principal);
    }

    private RequestAccess scoped(Principal principal) {
        AccessScope scope = security.policy().scopeFor(principal);
        return new RequestAccess(principal, scope, new AuthorizedStateReader(unchecked, scope));
    }

    private Principal jwt(String token) {
        if (security.jwt() == null) {
            throw CredentialsRejectedException.invalid(
                    "bearer tokens are not accepted here: no JWT key set or secret is configured;"
                            + " use an API key");
        }
        return security.jwt().authenticate(token);
    }

    private Principal apiKey(String key) {
        if (!Credentials.API_KEY_FORM.matcher(key).matches()) {
            throw CredentialsRejectedException.invalid(INVALID_API_KEY);
        }
        ApiKey found =
                security.apiKeys()
                        .authenticate(key)
                        .orElseThrow(() -> CredentialsRejectedException.invalid(INVALID_API_KEY));
        return new Principal(
                "api-key:" + found.id(), found.actsAs(), found.role(), found.scope(), "api-key");
    }

    private void reject(RoutingContext ctx, String address, CredentialsRejectedException e) {
        if (e.status() == 401) {
            Optional<Duration> blocked = limits.authenticationFailed(address);
            if (blocked.isPresent()) {
                ctx.fail(
                        ProblemException.tooManyRequests(
                                "too many failed authentication attempts from "
                                        + address
                                        + "; retry after the Retry-After delay",
                                RateLimitHandler.atLeastOneSecond(blocked.get())));
                return;
            }
            ctx.fail(
                    ProblemException.unauthorized(e.getMessage())
                            .withHeader("WWW-Authenticate", challenge(e.getMessage())));
        } else {
            AuditTrail.of(ctx).proven(e.provenSubject());
            ctx.fail(ProblemException.forbidden(e.getMessage()));
        }
    }

    /** RFC 6750 challenge; the description keeps to the characters a quoted value allows. */
    static String challenge(String description) {
        StringBuilder safe = new StringBuilder(description.length());
        for (char c : description.toCharArray()) {
            safe.append(c >= 0x20 && c <= 0x7e && c != '"' && c != '\\' ? c : '\'');
        }
        return REALM + ", error=\"invalid_token\", error_description=\"" + safe + "\"";
    }
}
