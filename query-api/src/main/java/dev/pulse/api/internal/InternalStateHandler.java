package dev.pulse.api.internal;

import static dev.pulse.streams.read.InternalReadProtocol.FROM;
import static dev.pulse.streams.read.InternalReadProtocol.GRANULARITY;
import static dev.pulse.streams.read.InternalReadProtocol.MAX_TENANTS_PER_CALL;
import static dev.pulse.streams.read.InternalReadProtocol.RULE_PARAM;
import static dev.pulse.streams.read.InternalReadProtocol.TENANT;
import static dev.pulse.streams.read.InternalReadProtocol.TENANT_PARAM;
import static dev.pulse.streams.read.InternalReadProtocol.TO;

import dev.pulse.api.alerts.AlertsHandler;
import dev.pulse.api.http.BlockingReads;
import dev.pulse.api.http.PathParams;
import dev.pulse.api.http.ProblemException;
import dev.pulse.api.http.RequestParams;
import dev.pulse.api.http.TimeParams;
import dev.pulse.streams.read.InternalReadProtocol;
import dev.pulse.streams.read.ReadFreshness;
import dev.pulse.streams.read.TenantStateReader;
import dev.pulse.streams.read.TenantStateReader.Granularity;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * Serves {@link InternalReadProtocol} from this instance's own stores (the local reader), so a read
 * forwarded by another instance never hops again. With {@code copy=true} (asked while the owner is
 * gone) standby and restoring copies answer too, and the answer carries {@link
 * ReadFreshness#STALE_HEADER}.
 */
public final class InternalStateHandler {
    private final TenantStateReader owned;
    private final TenantStateReader copies;
    private final BlockingReads reads;

    public InternalStateHandler(TenantStateReader local, BlockingReads reads) {
        this.owned = local;
        this.copies = local.copies();
        this.reads = reads;
    }

    public void scores(RoutingContext ctx) {
        List<String> tenants = tenants(ctx);
        reads.respondJson(ctx, () -> local(ctx).currentScores(tenants));
    }

    public void journeys(RoutingContext ctx) {
        List<String> tenants = tenants(ctx);
        reads.respondJson(ctx, () -> local(ctx).journeys(tenants));
    }

    /** The repeated {@code tenant} parameter of the batch routes, checked. */
    private static List<String> tenants(RoutingContext ctx) {
        List<String> tenants = RequestParams.of(ctx).all(TENANT);
        if (tenants.isEmpty()) {
            throw ProblemException.badParameter(TENANT, "is required: one or more tenant ids");
        }
        if (tenants.size() > MAX_TENANTS_PER_CALL) {
            throw ProblemException.badParameter(
                    TENANT,
                    "is given "
                            + tenants.size()
                            + " times; at most "
                            + MAX_TENANTS_PER_CALL
                            + " per call");
        }
        tenants.forEach(tenant -> PathParams.tenantId(TENANT, tenant));
        return tenants;
    }

    /** Funnel days of the tenants given as {@code tenant}, over {@code [from, to)}. */
    public void funnelDays(RoutingContext ctx) {
        List<String> tenants = tenants(ctx);
        RequestParams params = RequestParams.of(ctx);
        Instant from = instant(params, FROM);
        Instant to = instant(params, TO);
        reads.respondJson(ctx, () -> local(ctx).funnelDays(tenants, from, to));
    }

    public void dailyScores(RoutingContext ctx) {
        overRange(ctx, TenantStateReader::dailyScores);
    }

    public void engagement(RoutingContext ctx) {
        String tenant = tenant(ctx);
        RequestParams params = RequestParams.of(ctx);
        Granularity granularity = granularity(params);
        Instant from = instant(params, FROM);
        Instant to = instant(params, TO);
        reads.respondJson(ctx, () -> local(ctx).engagement(tenant, granularity, from, to));
    }

    public void engagementTotals(RoutingContext ctx) {
        overRange(ctx, TenantStateReader::engagementTotals);
    }

    public void alerts(RoutingContext ctx) {
        String tenant = tenant(ctx);
        reads.respondJson(ctx, () -> local(ctx).alerts(tenant));
    }

    /** The alert or JSON {@code null}: a 404 could not be told from a missing route. */
    public void alert(RoutingContext ctx) {
        String tenant = tenant(ctx);
        String rule = AlertsHandler.ruleId(ctx.pathParam(RULE_PARAM));
        reads.respondJson(ctx, () -> local(ctx).alert(tenant, rule).orElse(null));
    }

    public void alertHistory(RoutingContext ctx) {
        overRange(ctx, TenantStateReader::alertHistory);
    }

    public void followUps(RoutingContext ctx) {
        String tenant = tenant(ctx);
        reads.respondJson(ctx, () -> local(ctx).followUps(tenant));
    }

    /** A read of one tenant over {@code [from, to)}. */
    private interface RangeRead {
        Object read(TenantStateReader reader, String tenant, Instant from, Instant to);
    }

    private void overRange(RoutingContext ctx, RangeRead read) {
        String tenant = tenant(ctx);
        RequestParams params = RequestParams.of(ctx);
        Instant from = instant(params, FROM);
        Instant to = instant(params, TO);
        reads.respondJson(ctx, () -> read.read(local(ctx), tenant, from, to));
    }

    /** The owned stores, or (asked with {@code copy=true}) every copy this instance holds. */
    private TenantStateReader local(RoutingContext ctx) {
        return "true".equals(ctx.request().getParam(ReadFreshness.COPY_PARAM)) ? copies : owned;
    }

    private static String tenant(RoutingContext ctx) {
        return PathParams.tenantId(TENANT_PARAM, ctx.pathParam(TENANT_PARAM));
    }

    private static Instant instant(RequestParams params, String name) {
        return TimeParams.dateOrInstant(
                name, params.required(name, "an ISO-8601 instant, e.g. 2026-11-01T00:00:00Z"));
    }

    private static Granularity granularity(RequestParams params) {
        String value = params.required(GRANULARITY, "HOUR or DAY");
        try {
            return Granularity.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.badParameter(
                    GRANULARITY, "must be HOUR or DAY, not '" + value + "'");
        }
    }
}
