package dev.pulse.access.reports;

import dev.pulse.access.audit.AuditEntry;
import dev.pulse.access.audit.AuditLog;
import dev.pulse.access.security.Caller;
import java.time.Clock;
import java.util.List;

/**
 * One audit entry per export, allowed or refused, whichever front end asked: method {@code EXPORT},
 * action {@code export <report> <format>}, the tenants in the file (or asked for), and the
 * parameters in the detail. The front end's own entry for the request (HTTP, chat) is written
 * besides; the request id ties the two together.
 */
final class ExportAudit {
    static final String METHOD = "EXPORT";

    private final AuditLog log;
    private final Clock clock;

    ExportAudit(AuditLog log, Clock clock) {
        this.log = log;
        this.clock = clock;
    }

    void allowed(
            Caller caller,
            String report,
            ExportFormat format,
            ExportOrigin origin,
            List<String> tenants,
            String parameters) {
        append(caller, report, format, origin, tenants, true, 200, parameters);
    }

    void denied(
            Caller caller,
            String report,
            ExportFormat format,
            ExportOrigin origin,
            List<String> tenants,
            String parameters,
            String why) {
        append(
                caller,
                report,
                format,
                origin,
                tenants,
                false,
                403,
                parameters + "; denied: " + why);
    }

    private void append(
            Caller caller,
            String report,
            ExportFormat format,
            ExportOrigin origin,
            List<String> tenants,
            boolean allowed,
            int status,
            String detail) {
        log.append(
                new AuditEntry(
                        clock.instant(),
                        caller.principal().subject(),
                        caller.role().label(),
                        METHOD,
                        "export " + report + " " + format.label() + " via " + origin.channel(),
                        tenants,
                        allowed,
                        status,
                        origin.remote(),
                        origin.requestId(),
                        detail));
    }
}
