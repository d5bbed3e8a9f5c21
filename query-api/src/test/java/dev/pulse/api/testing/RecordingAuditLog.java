package dev.pulse.api.testing;

import dev.pulse.access.audit.AuditEntry;
import dev.pulse.access.audit.AuditLog;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** An {@link AuditLog} that keeps every entry in memory, in order, for assertions. */
public final class RecordingAuditLog implements AuditLog {
    private final List<AuditEntry> entries = new CopyOnWriteArrayList<>();

    @Override
    public void append(AuditEntry entry) {
        entries.add(entry);
    }

    public List<AuditEntry> entries() {
        return List.copyOf(entries);
    }

    /** The entries of one request. */
    public List<AuditEntry> forRequest(String requestId) {
        return entries.stream().filter(e -> requestId.equals(e.requestId())).toList();
    }

    /** The most recent entry; fails when there is none. */
    public AuditEntry last() {
        if (entries.isEmpty()) {
            throw new AssertionError("no audit entry was appended");
        }
        return entries.get(entries.size() - 1);
    }

    public void clear() {
        entries.clear();
    }
}
