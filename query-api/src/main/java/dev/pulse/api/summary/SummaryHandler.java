package dev.pulse.api.summary;

import dev.pulse.access.security.Caller;
import dev.pulse.access.summary.Summaries;
import dev.pulse.access.summary.SummaryReport;
import dev.pulse.api.auth.RequestAccess;
import dev.pulse.api.http.BlockingReads;
import dev.pulse.api.http.RequestParams;
import dev.pulse.api.http.SegmentFilters;
import dev.pulse.api.http.TimeRange;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.Duration;

/**
 * {@code GET /v1/summary?from&to&n&segment}: the {@link Summaries} use case over a range (default
 * the last 30 days, at most two years), with the top and bottom n accounts; {@code segment} narrows
 * it to a saved segment's accounts.
 */
public final class SummaryHandler implements Handler<RoutingContext> {
    static final Duration DEFAULT_SPAN = Duration.ofDays(30);
    static final Duration MAX_SPAN = Duration.ofDays(731);

    private final Summaries summaries;
    private final Clock clock;
    private final BlockingReads reads;
    private final SegmentFilters segments;

    public SummaryHandler(
            Summaries summaries, Clock clock, BlockingReads reads, SegmentFilters segments) {
        this.summaries = summaries;
        this.clock = clock;
        this.reads = reads;
        this.segments = segments;
    }

    @Override
    public void handle(RoutingContext ctx) {
        RequestParams params = RequestParams.of(ctx);
        TimeRange range =
                TimeRange.resolve(params, clock.instant(), DEFAULT_SPAN, MAX_SPAN, "for a summary");
        int n = params.integer("n", 5, 1, 50);
        String segment = SegmentFilters.parameter(params);
        Caller caller = RequestAccess.caller(ctx);
        reads.respondJson(
                ctx,
                () -> {
                    SummaryReport report =
                            summaries.summarize(
                                    caller,
                                    range.from(),
                                    range.to(),
                                    n,
                                    segments.of(caller, segment));
                    RequestAccess.touched(ctx, report.tenantIds());
                    return report;
                });
    }
}
