package dev.pulse.access.security;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** What a caller may do. Which tenants they may see is their {@link ScopeSpec}. */
public enum Role {
    /** Reads dashboards of their scope and exports what they read (PDF and CSV). */
    VIEWER,
    /** Reads and exports within their scope. */
    ANALYST,
    /** Reads their team's portfolios: every account of the people who report to them. */
    MANAGER,
    /** Everything, including users, API keys, configuration and the audit log. */
    ADMIN,
    /** An external customer's administrator: read-only, exactly one tenant. */
    CUSTOMER_ADMIN,
    /** Machines that send events and accounts; reads nothing. */
    INGEST;

    @JsonValue
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    @JsonCreator
    public static Role fromLabel(String label) {
        for (Role role : values()) {
            if (role.label().equalsIgnoreCase(label) || role.name().equalsIgnoreCase(label)) {
                return role;
            }
        }
        throw new IllegalArgumentException(
                "unknown role '"
                        + label
                        + "'; expected viewer, analyst, manager, admin, customer-admin or ingest");
    }

    public boolean canRead() {
        return this != INGEST;
    }

    public boolean canIngest() {
        return this == ADMIN || this == INGEST;
    }

    /**
     * Exports (reports, CSV of lists) are what the caller may read, in a file: every role that
     * reads may export, within its scope, and every export is audited. Account managers are viewers
     * in the directory and need their accounts' business reviews; refusing them would only move the
     * data into screenshots.
     */
    public boolean canExport() {
        return canRead();
    }

    /**
     * Portfolio reports compare accounts and account managers: staff only. A customer admin exports
     * the review of their own tenant and the lists they read, nothing that compares.
     */
    public boolean mayExportPortfolios() {
        return canExport() && this != CUSTOMER_ADMIN;
    }

    public boolean isAdmin() {
        return this == ADMIN;
    }

    /**
     * Staff who read may act on alerts (ack, snooze, resolve): every role but ingest (reads
     * nothing) and customer-admin (read-only). Which alerts is then a matter of scope.
     */
    public boolean mayActOnAlerts() {
        return canRead() && this != CUSTOMER_ADMIN;
    }

    /** Follow-ups are staff's internal work items: the same people as those who act on alerts. */
    public boolean mayKeepFollowUps() {
        return mayActOnAlerts();
    }

    /**
     * Saved segments are shared definitions that everyone then reads: analysts and above make and
     * change them; viewers and customer admins read them, each within their own scope.
     */
    public boolean mayManageSegments() {
        return this == ANALYST || this == MANAGER || this == ADMIN;
    }
}
