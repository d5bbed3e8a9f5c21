package dev.pulse.api.funnels;

import dev.pulse.access.funnels.FunnelReport;
import dev.pulse.access.funnels.Funnels;
import dev.pulse.access.security.Caller;
import dev.pulse.api.auth.RequestAccess;
import dev.pulse.api.http.BlockingReads;
import dev.pulse.api.http.PathParams;
import dev.pulse.api.http.ProblemException;
import dev.pulse.api.http.RequestParams;
import dev.pulse.api.http.SegmentFilters;
import dev.pulse.api.http.TimeRange;
import dev.pulse.topologies.funnel.Funnel;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@code GET /v1/funnels} (the definitions) and {@code GET /v1/funnels/{id}?tenant|segment&from&to}
 * (one funnel over a range, default the last 30 days, at most two years): for a tenant, with the
 * caller's portfolio beside it and the step where the tenant stalls; without one, rolled up over
 * every account the caller sees. An unknown funnel is 404; a tenant outside the scope 403 (raised
 * by the scope-checked reader before anything is read).
 */
public final class FunnelsHandler {
    public static final String ID = "id";
    static final String TENANT = "tenant";
    static final String SEGMENT = "segment";
    static final Duration DEFAULT_SPAN = Duration.ofDays(30);
    static final Duration MAX_SPAN = Duration.ofDays(731);
    private static final Pattern FUNNEL_ID = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");

    private final Funnels funnels;
    private final Clock clock;
    private final BlockingReads reads;
    private final SegmentFilters segments;

    public FunnelsHandler(
            Funnels funnels, Clock clock, BlockingReads reads, SegmentFilters segments) {
        this.funnels = funnels;
        this.clock = clock;
        this.reads = reads;
        this.segments = segments;
    }

    public void list(RoutingContext ctx) {
        reads.respondJson(ctx, () -> FunnelList.of(funnels.list()));
    }

    public void get(RoutingContext ctx) {
        String id = ctx.pathParam(ID);
        Funnel funnel =
                funnels.find(id)
                        .orElseThrow(
                                () ->
                                        ProblemException.notFound(
                                                (FUNNEL_ID.matcher(id).matches()
                                                                ? "no funnel '" + id + "'"
                                                                : "no such funnel")
                                                        + "; GET /v1/funnels lists them"));
        RequestParams params = RequestParams.of(ctx);
        Optional<String> tenant = params.optional(TENANT);
        Optional<String> segment = params.optional(SEGMENT);
        if (tenant.isPresent() && segment.isPresent()) {
            throw ProblemException.badParameter(SEGMENT, "cannot be given with 'tenant'");
        }
        TimeRange range =
                TimeRange.resolve(params, clock.instant(), DEFAULT_SPAN, MAX_SPAN, "for a funnel");
        Caller caller = RequestAccess.caller(ctx);
        if (tenant.isPresent()) {
            String tenantId = PathParams.tenantId(TENANT, tenant.get());
            RequestAccess.touched(ctx, tenantId);
            reads.respondJson(
                    ctx,
                    () -> {
                        FunnelReport report =
                                funnels.forTenant(
                                        caller, funnel, tenantId, range.from(), range.to());
                        RequestAccess.touched(ctx, report.tenantIds());
                        return FunnelView.of(report);
                    });
            return;
        }
        reads.respondJson(
                ctx,
                () -> {
                    FunnelReport report =
                            funnels.forAccounts(
                                    caller,
                                    funnel,
                                    segments.of(caller, segment.orElse(null)),
                                    segment.orElse(null),
                                    range.from(),
                                    range.to());
                    RequestAccess.touched(ctx, report.tenantIds());
                    return FunnelView.of(report);
                });
    }
}
