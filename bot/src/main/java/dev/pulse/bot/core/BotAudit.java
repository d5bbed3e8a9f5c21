package dev.pulse.bot.core;

import dev.pulse.access.audit.AuditEntry;
import dev.pulse.access.audit.AuditLog;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

/**
 * Writes one audit entry per chat command, like the API writes one per request: who (their Pulse
 * e-mail, or the platform id when unknown), what ("slack: at-risk for sarah"), which tenants,
 * allowed or not.
 */
final class BotAudit {
    private final AuditLog log;
    private final Clock clock;

    BotAudit(AuditLog log, Clock clock) {
        this.log = log;
        this.clock = clock;
    }

    void record(
            ChatUser user,
            String subject,
            String role,
            String action,
            List<String> tenants,
            int status,
            String detail) {
        log.append(
                new AuditEntry(
                        clock.instant(),
                        subject,
                        role,
                        user.platform().toUpperCase(java.util.Locale.ROOT),
                        user.platform() + ": " + action,
                        tenants,
                        status < 400,
                        status,
                        user.platform() + ":" + user.userId(),
                        UUID.randomUUID().toString(),
                        detail));
    }
}
