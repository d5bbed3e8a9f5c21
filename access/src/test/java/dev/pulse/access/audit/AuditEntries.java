package dev.pulse.access.audit;

import java.time.Instant;
import java.util.List;

/** Sample audit entries for tests. */
final class AuditEntries {
    static final Instant T0 = Instant.parse("2025-03-01T09:00:00.123456789Z");

    private AuditEntries() {}

    static AuditEntry entry(int i) {
        return entry(T0, i);
    }

    /** The {@code i}-th sample, {@code i} seconds after {@code base}. */
    static AuditEntry entry(Instant base, int i) {
        return new AuditEntry(
                base.plusSeconds(i),
                i % 3 == 0 ? "sarah.chen@demo.pulse.dev" : "tom.becker@demo.pulse.dev",
                "viewer",
                "jwt",
                "GET /v1/accounts/acme-" + i,
                List.of("acme-" + i),
                i % 5 != 4,
                i % 5 != 4 ? 200 : 403,
                "10.0.0." + i,
                "req-" + i,
                i % 5 != 4 ? null : "tenant 'acme-" + i + "' is outside your scope");
    }
}
