package dev.pulse.streams.read;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The instance-to-instance read protocol, defined once: the query API serves these routes and
 * {@link RemoteStateClient} calls them, both through this class, so the two cannot drift apart.
 *
 * <p>Every route answers from the called instance's local stores only, as JSON written by {@code
 * PulseJson}; times are ISO-8601 instants; calls carry the deployment's token in {@link
 * #TOKEN_HEADER}; while its stores are not ready an instance answers 503 with {@code Retry-After}
 * and a problem body.
 *
 * <ul>
 *   <li>{@link #SCORES}{@code ?tenant=a&tenant=b}: object of tenant id to {@code HealthScore};
 *       tenants without a score are absent.
 *   <li>{@link #JOURNEYS}{@code ?tenant=a&tenant=b}: object of tenant id to {@code JourneyState};
 *       tenants without one are absent.
 *   <li>{@link #DAILY_SCORES}{@code ?from&to}: array of end-of-day {@code HealthScore}.
 *   <li>{@link #ENGAGEMENT}{@code ?granularity=HOUR|DAY&from&to}: array of {@code EngagementPoint}.
 *   <li>{@link #ENGAGEMENT_TOTALS}{@code ?from&to}: one {@code EngagementTotals}.
 *   <li>{@link #ALERTS}: array of the tenant's {@code Alert}s, by rule id.
 *   <li>{@link #ALERT}: the tenant's {@code Alert} of one rule, or {@code null} (still 200: a 404
 *       could not be told from an instance that lacks the route).
 *   <li>{@link #ALERT_HISTORY}{@code ?from&to}: array of {@code AlertTransition}, oldest first.
 *   <li>{@link #FOLLOW_UPS}: array of the tenant's {@code FollowUp}s, every status.
 *   <li>{@link #FUNNEL_DAYS}{@code ?tenant=a&tenant=b&from&to}: object of tenant id to an array of
 *       {@code FunnelDay}, oldest first; tenants without any are absent.
 * </ul>
 */
public final class InternalReadProtocol {
    public static final String PREFIX = "/internal/v1";

    /** Header carrying the deployment's shared internal token. */
    public static final String TOKEN_HEADER = "X-Pulse-Internal-Token";

    /** Path parameter holding the tenant id in the per-tenant routes. */
    public static final String TENANT_PARAM = "tenant";

    /** Path parameter holding the rule id in {@link #ALERT}. */
    public static final String RULE_PARAM = "rule";

    public static final String SCORES = PREFIX + "/scores";
    public static final String JOURNEYS = PREFIX + "/journeys";
    public static final String DAILY_SCORES = tenantRoute("daily-scores");
    public static final String ENGAGEMENT = tenantRoute("engagement");
    public static final String ENGAGEMENT_TOTALS = tenantRoute("engagement-totals");
    public static final String ALERTS = tenantRoute("alerts");
    public static final String ALERT = ALERTS + "/:" + RULE_PARAM;
    public static final String ALERT_HISTORY = tenantRoute("alert-history");
    public static final String FOLLOW_UPS = tenantRoute("follow-ups");
    public static final String FUNNEL_DAYS = PREFIX + "/funnel-days";

    /**
     * Query parameter, repeated once per tenant, of the batch routes ({@link #SCORES}, {@link
     * #FUNNEL_DAYS}, {@link #JOURNEYS}).
     */
    public static final String TENANT = "tenant";

    /** Query parameters of the range routes: ISO-8601 instants, {@code [from, to)}. */
    public static final String FROM = "from";

    public static final String TO = "to";

    /** Query parameter of {@link #ENGAGEMENT}: {@code HOUR} or {@code DAY}. */
    public static final String GRANULARITY = "granularity";

    /** Most tenants one {@link #SCORES} or {@link #JOURNEYS} call may ask for. */
    public static final int MAX_TENANTS_PER_CALL = 10_000;

    private InternalReadProtocol() {}

    /** A per-tenant {@code route} for one tenant, without the query string. */
    static String path(String route, String tenantId) {
        return route.replace(":" + TENANT_PARAM, encode(tenantId));
    }

    /** {@link #ALERT} for one tenant and rule. */
    static String alertPath(String tenantId, String ruleId) {
        return path(ALERT, tenantId).replace(":" + RULE_PARAM, encode(ruleId));
    }

    /**
     * Longest query string of one batch call. The query API takes request lines of up to 4,096
     * bytes (Vert.x's default), the method, route and protocol included.
     */
    static final int MAX_QUERY_CHARS = 3_500;

    /**
     * The query strings of {@link #SCORES}, {@link #JOURNEYS} or {@link #FUNNEL_DAYS} calls that
     * together ask for every one of {@code tenantIds}, each at most {@link #MAX_QUERY_CHARS} long
     * (a single tenant id longer than that still gets a call of its own).
     */
    static List<String> tenantsQueries(Collection<String> tenantIds) {
        List<String> queries = new ArrayList<>();
        StringBuilder query = new StringBuilder();
        for (String tenant : tenantIds) {
            String parameter = TENANT + "=" + encode(tenant);
            if (query.length() > 0 && query.length() + 1 + parameter.length() > MAX_QUERY_CHARS) {
                queries.add(query.toString());
                query.setLength(0);
            }
            query.append(query.length() == 0 ? '?' : '&').append(parameter);
        }
        if (query.length() > 0) {
            queries.add(query.toString());
        }
        return queries;
    }

    /** The query string of a range route. */
    static String rangeQuery(Instant from, Instant to) {
        return "?" + FROM + "=" + encode(from.toString()) + "&" + TO + "=" + encode(to.toString());
    }

    private static String tenantRoute(String resource) {
        return PREFIX + "/tenants/:" + TENANT_PARAM + "/" + resource;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
