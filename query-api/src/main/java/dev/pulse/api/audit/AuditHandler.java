package dev.pulse.api.audit;

import dev.pulse.access.audit.AuditEntry;
import dev.pulse.access.audit.AuditLog;
import dev.pulse.access.security.Principal;
import dev.pulse.api.http.ClientAddress;
import dev.pulse.api.http.ProblemException;
import dev.pulse.api.http.ProblemFailureHandler;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;

/**
 * Gives every request a request id (the caller's {@code X-Request-Id} when it is sane, else a new
 * UUID, echoed in the response) and appends one {@link AuditEntry} per audited request: who, with
 * which role, which route, which tenants, allowed or denied (401, 403, 429), the status, from
 * where, and why it was denied.
 *
 * <p>Audited are every {@code /v1/} request, allowed or not, every browser sign-in and sign-out
 * request ({@code /auth/}), and denied calls of the internal routes; the public operational routes
 * (health, metrics, the OpenAPI document) are not, and allowed internal calls are not either: they
 * serve a user request that was audited on the instance that received it.
 *
 * <p>The entry is appended just before the response head is written, so it is in the audit log's
 * queue by the time the client sees the answer (the log says when it becomes durable: {@link
 * dev.pulse.access.audit.KafkaAuditLog}); a request whose connection closes before that is appended
 * when it ends.
 */
public final class AuditHandler implements Handler<RoutingContext> {
    public static final String REQUEST_ID_HEADER = "X-Request-Id";

    private static final Pattern SANE_REQUEST_ID = Pattern.compile("[A-Za-z0-9._:/+=@-]{1,128}");
    private static final Set<Integer> DENIED = Set.of(401, 403, 429);

    private final AuditLog log;
    private final Clock clock;
    private final RouteTemplates routes;

    public AuditHandler(AuditLog log, Clock clock, RouteTemplates routes) {
        this.log = log;
        this.clock = clock;
        this.routes = routes;
    }

    @Override
    public void handle(RoutingContext ctx) {
        String requestId = requestId(ctx.request().getHeader(REQUEST_ID_HEADER));
        ctx.response().putHeader(REQUEST_ID_HEADER, requestId);
        AuditTrail trail = new AuditTrail(requestId);
        trail.attachTo(ctx);
        String path = ctx.normalizedPath();
        boolean always = path.startsWith("/v1/") || path.equals("/v1") || path.startsWith("/auth/");
        boolean whenDenied = path.startsWith("/internal/");
        if (always || whenDenied) {
            AtomicBoolean appended = new AtomicBoolean();
            ctx.addHeadersEndHandler(
                    v -> {
                        int status = ctx.response().getStatusCode();
                        if ((always || DENIED.contains(status))
                                && appended.compareAndSet(false, true)) {
                            append(ctx, trail, status, null);
                        }
                    });
            ctx.addEndHandler(
                    done -> {
                        if (always && appended.compareAndSet(false, true)) {
                            append(
                                    ctx,
                                    trail,
                                    ctx.response().getStatusCode(),
                                    "connection closed before the answer was sent");
                        }
                    });
        }
        ctx.next();
    }

    static String requestId(String offered) {
        if (offered != null && SANE_REQUEST_ID.matcher(offered).matches()) {
            return offered;
        }
        return UUID.randomUUID().toString();
    }

    private void append(RoutingContext ctx, AuditTrail trail, int status, String fallbackDetail) {
        Principal principal = trail.principal();
        String subject =
                principal != null
                        ? principal.subject()
                        : trail.provenSubject() != null ? trail.provenSubject() : "anonymous";
        String role = principal != null ? principal.role().label() : "none";
        String method = ctx.request().method().name();
        List<String> tenants = trail.tenants();
        AuditEntry entry =
                new AuditEntry(
                        clock.instant(),
                        subject,
                        role,
                        method,
                        method + " " + routes.match(ctx.normalizedPath()),
                        tenants,
                        !DENIED.contains(status),
                        status,
                        ClientAddress.of(ctx),
                        trail.requestId(),
                        detail(ctx, trail, tenants.size(), fallbackDetail));
        log.append(entry);
    }

    private static String detail(
            RoutingContext ctx, AuditTrail trail, int listed, String fallbackDetail) {
        ProblemException problem = ctx.get(ProblemFailureHandler.ANSWERED);
        String detail =
                problem != null
                        ? problem.detail()
                        : trail.detail() != null ? trail.detail() : fallbackDetail;
        int count = trail.tenantCount();
        if (count > listed) {
            String more = "tenants: " + listed + " of " + count + " listed";
            detail = detail == null ? more : detail + "; " + more;
        }
        return detail;
    }
}
