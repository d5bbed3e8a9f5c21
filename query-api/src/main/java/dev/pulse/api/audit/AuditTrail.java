package dev.pulse.api.audit;

import dev.pulse.access.security.Principal;
import io.vertx.ext.web.RoutingContext;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListSet;

/**
 * What one request's audit entry will say, gathered while the request runs: who the caller turned
 * out to be, which tenants the answer was about, and why it was denied. Handlers add to it from
 * worker threads, so it is thread-safe.
 */
public final class AuditTrail {
    /** Most tenants one entry lists; a summary over more says how many were left out. */
    static final int MAX_TENANTS = 5_000;

    private static final String KEY = "pulse.audit-trail";

    private final String requestId;
    private final Set<String> tenants = new ConcurrentSkipListSet<>();
    private volatile Principal principal;
    private volatile String provenSubject;
    private volatile String detail;

    AuditTrail(String requestId) {
        this.requestId = requestId;
    }

    /** The request's trail; a detached one (recorded nowhere) when the request is not audited. */
    public static AuditTrail of(RoutingContext ctx) {
        AuditTrail trail = ctx.get(KEY);
        return trail == null ? new AuditTrail(null) : trail;
    }

    void attachTo(RoutingContext ctx) {
        ctx.put(KEY, this);
    }

    /** The caller, once authentication succeeded. */
    public void authenticated(Principal principal) {
        this.principal = principal;
    }

    /** Who a rejected credential did prove (a valid token of someone not in the directory). */
    public void proven(String subject) {
        this.provenSubject = subject;
    }

    /** Tenants the answer is about, or that a denied request asked for. */
    public void touched(Collection<String> tenantIds) {
        tenants.addAll(tenantIds);
    }

    /** Context for the entry, e.g. which API key was created; a problem answer's detail wins. */
    public void detail(String detail) {
        this.detail = detail;
    }

    String requestId() {
        return requestId;
    }

    Principal principal() {
        return principal;
    }

    String provenSubject() {
        return provenSubject;
    }

    String detail() {
        return detail;
    }

    /** Tenants in order, at most {@link #MAX_TENANTS}. */
    List<String> tenants() {
        return tenants.stream().limit(MAX_TENANTS).toList();
    }

    int tenantCount() {
        return tenants.size();
    }
}
