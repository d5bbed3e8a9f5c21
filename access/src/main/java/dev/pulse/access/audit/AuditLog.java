package dev.pulse.access.audit;

/**
 * Appends audit entries. Appending never blocks the caller on the broker and never drops an entry
 * silently: failures are retried by the producer, and one that still fails is logged at ERROR and
 * counted.
 */
public interface AuditLog {
    void append(AuditEntry entry);
}
