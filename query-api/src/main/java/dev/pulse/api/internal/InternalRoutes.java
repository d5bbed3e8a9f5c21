package dev.pulse.api.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The instance-to-instance read protocol: paths and parameter names of the routes a Pulse instance
 * calls on the instance that owns a tenant. Both sides are checked against these constants.
 *
 * <p>Every route answers from the called instance's local stores only, as JSON written by {@code
 * PulseJson}; times are ISO-8601 instants; while its stores are not ready it answers 503 with
 * {@code Retry-After} and a problem body.
 *
 * <ul>
 *   <li>{@link #SCORES}{@code ?tenant=a&tenant=b}: object of tenant id to {@code HealthScore};
 *       tenants without a score are absent.
 *   <li>{@link #DAILY_SCORES}{@code ?from&to}: array of end-of-day {@code HealthScore}.
 *   <li>{@link #ENGAGEMENT}{@code ?granularity=HOUR|DAY&from&to}: array of {@code EngagementPoint}.
 *   <li>{@link #ENGAGEMENT_TOTALS}{@code ?from&to}: one {@code EngagementTotals}.
 *   <li>{@link #ALERTS}: array of the tenant's {@code Alert}s, by rule id.
 *   <li>{@link #ALERT_HISTORY}{@code ?from&to}: array of {@code AlertTransition}, oldest first.
 *   <li>{@link #FOLLOW_UPS}: array of the tenant's {@code FollowUp}s, every status.
 * </ul>
 */
public final class InternalRoutes {
    public static final String PREFIX = "/internal/v1";

    /** Path parameter holding the tenant id in the per-tenant routes. */
    public static final String TENANT_PARAM = "tenant";

    public static final String SCORES = PREFIX + "/scores";
    public static final String DAILY_SCORES =
            PREFIX + "/tenants/:" + TENANT_PARAM + "/daily-scores";
    public static final String ENGAGEMENT = PREFIX + "/tenants/:" + TENANT_PARAM + "/engagement";
    public static final String ENGAGEMENT_TOTALS =
            PREFIX + "/tenants/:" + TENANT_PARAM + "/engagement-totals";
    public static final String ALERTS = PREFIX + "/tenants/:" + TENANT_PARAM + "/alerts";
    public static final String ALERT_HISTORY =
            PREFIX + "/tenants/:" + TENANT_PARAM + "/alert-history";
    public static final String FOLLOW_UPS = PREFIX + "/tenants/:" + TENANT_PARAM + "/follow-ups";

    /** Query parameter, repeated once per tenant, of {@link #SCORES}. */
    public static final String TENANT = "tenant";

    /** Query parameters of the range routes: ISO-8601 instants, {@code [from, to)}. */
    public static final String FROM = "from";

    public static final String TO = "to";

    /** Query parameter of {@link #ENGAGEMENT}: {@code HOUR} or {@code DAY}. */
    public static final String GRANULARITY = "granularity";

    /** Most tenants one {@link #SCORES} call may ask for. */
    public static final int MAX_TENANTS_PER_CALL = 10_000;

    private InternalRoutes() {}

    /** {@link #DAILY_SCORES} for one tenant, without the query string. */
    public static String dailyScoresPath(String tenantId) {
        return withTenant(DAILY_SCORES, tenantId);
    }

    /** {@link #ENGAGEMENT} for one tenant, without the query string. */
    public static String engagementPath(String tenantId) {
        return withTenant(ENGAGEMENT, tenantId);
    }

    /** {@link #ENGAGEMENT_TOTALS} for one tenant, without the query string. */
    public static String engagementTotalsPath(String tenantId) {
        return withTenant(ENGAGEMENT_TOTALS, tenantId);
    }

    /** {@link #ALERTS} for one tenant. */
    public static String alertsPath(String tenantId) {
        return withTenant(ALERTS, tenantId);
    }

    /** {@link #ALERT_HISTORY} for one tenant, without the query string. */
    public static String alertHistoryPath(String tenantId) {
        return withTenant(ALERT_HISTORY, tenantId);
    }

    /** {@link #FOLLOW_UPS} for one tenant. */
    public static String followUpsPath(String tenantId) {
        return withTenant(FOLLOW_UPS, tenantId);
    }

    private static String withTenant(String template, String tenantId) {
        return template.replace(
                ":" + TENANT_PARAM, URLEncoder.encode(tenantId, StandardCharsets.UTF_8));
    }
}
