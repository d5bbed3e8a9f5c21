package dev.pulse.access.audit;

import java.time.Instant;
import java.util.List;

/**
 * One data access, as a front end reports it.
 *
 * @param subject who: {@link dev.pulse.access.security.Principal#subject()}, or "anonymous"
 * @param role their role label, or "none" when authentication failed
 * @param action what: "GET /v1/accounts/{tenant}", "slack: at-risk for sarah", ...
 * @param tenants which tenants the request asked about or the answer contained (a denied
 *     single-tenant request names the tenant it asked for)
 * @param allowed whether the access was allowed
 * @param status the protocol status answered (HTTP status for the API)
 * @param remote where from: client address, or the chat platform
 * @param requestId correlates with logs and the response header
 * @param detail why it was denied, or other context; may be null
 */
public record AuditEntry(
        Instant at,
        String subject,
        String role,
        String method,
        String action,
        List<String> tenants,
        boolean allowed,
        int status,
        String remote,
        String requestId,
        String detail) {
    public AuditEntry {
        tenants = List.copyOf(tenants);
    }
}
