package dev.pulse.access.security;

import java.util.function.Predicate;

/**
 * What a role may do beyond reading, with the sentence a refused caller reads. Every front end asks
 * here, so the rule and its wording exist once.
 */
public enum Permission {
    SEND_DATA(Role::canIngest, "sending events or accounts needs role ingest or admin"),
    ADMINISTER(Role::isAdmin, "this needs role admin"),
    ACT_ON_ALERTS(
            Role::mayActOnAlerts, "acting on alerts needs role viewer, analyst, manager or admin"),
    KEEP_FOLLOW_UPS(
            Role::mayKeepFollowUps, "follow-ups need role viewer, analyst, manager or admin"),
    EXPORT(Role::canExport, "exports need role viewer, analyst, manager, admin or customer-admin"),
    EXPORT_PORTFOLIOS(
            Role::mayExportPortfolios,
            "portfolio reports need role viewer, analyst, manager or admin"),
    MANAGE_SEGMENTS(
            Role::mayManageSegments,
            "saving, changing or deleting segments needs role analyst, manager or admin");

    private final Predicate<Role> granted;
    private final String needs;

    Permission(Predicate<Role> granted, String needs) {
        this.granted = granted;
        this.needs = needs;
    }

    public boolean grantedTo(Role role) {
        return granted.test(role);
    }

    /** Throws {@link AccessDeniedException} naming what is needed when the role lacks it. */
    public void check(Role role) {
        if (!grantedTo(role)) {
            throw new AccessDeniedException(needs + "; you have role " + role.label());
        }
    }
}
