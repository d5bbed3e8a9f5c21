package dev.pulse.access.audit;

import java.time.Instant;

/**
 * Which audit records to return, newest first. Null filters match everything.
 *
 * <p>{@code from} and {@code to} filter on the time the front end stamped on the entry; the reader
 * seeks and stops by the broker's append time, assuming the two clocks agree within minutes.
 *
 * @param from earliest {@link AuditEntry#at()}, inclusive
 * @param to latest {@link AuditEntry#at()}, exclusive
 * @param subject only this caller (case-insensitive)
 * @param tenant only accesses that concerned this tenant
 * @param allowed only allowed (true) or only denied (false) accesses
 * @param limit at most this many, 1 to {@link #MAX_LIMIT}
 */
public record AuditQuery(
        Instant from, Instant to, String subject, String tenant, Boolean allowed, int limit) {
    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 10_000;

    public AuditQuery {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException(
                    "limit must be between 1 and " + MAX_LIMIT + ", got " + limit);
        }
        if (from != null && to != null && !from.isBefore(to)) {
            throw new IllegalArgumentException("'from' must be before 'to'");
        }
    }

    /** The newest {@code limit} records, unfiltered. */
    public static AuditQuery latest(int limit) {
        return new AuditQuery(null, null, null, null, null, limit);
    }

    boolean matches(AuditEntry entry) {
        return (from == null || (entry.at() != null && !entry.at().isBefore(from)))
                && (to == null || (entry.at() != null && entry.at().isBefore(to)))
                && (subject == null || subject.equalsIgnoreCase(entry.subject()))
                && (tenant == null || entry.tenants().contains(tenant))
                && (allowed == null || allowed == entry.allowed());
    }
}
