package dev.pulse.api.summary;

import dev.pulse.api.auth.RequestAccess;
import dev.pulse.api.http.BlockingReads;
import dev.pulse.api.http.JsonReply;
import dev.pulse.api.http.RequestParams;
import dev.pulse.api.http.TimeRange;
import dev.pulse.streams.read.TenantStateReader;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * {@code GET /v1/summary?from&to&n}: health and engagement over a range, for all accounts and per
 * owner, with the top and bottom n accounts by their score at the end of the range. "All accounts"
 * are those in the caller's scope: the scope-checked reader lists no others, so the summary filters
 * rather than refuses.
 */
public final class SummaryHandler implements Handler<RoutingContext> {
    static final Duration DEFAULT_SPAN = Duration.ofDays(30);
    static final Duration MAX_SPAN = Duration.ofDays(731);

    private final Clock clock;
    private final BlockingReads reads;

    public SummaryHandler(Clock clock, BlockingReads reads) {
        this.clock = clock;
        this.reads = reads;
    }

    @Override
    public void handle(RoutingContext ctx) {
        RequestParams params = RequestParams.of(ctx);
        Instant now = clock.instant();
        TimeRange range = TimeRange.resolve(params, now, DEFAULT_SPAN, MAX_SPAN, "for a summary");
        int n = params.integer("n", 5, 1, 50);
        TenantStateReader reader = RequestAccess.reader(ctx);
        new SummaryReader(reader, reads)
                .read(range.from(), range.to(), now)
                .compose(
                        periods -> {
                            RequestAccess.touched(
                                    ctx,
                                    periods.stream().map(p -> p.account().tenantId()).toList());
                            return reads.run(
                                    () ->
                                            JsonReply.bytes(
                                                    SummaryCalculator.summarize(
                                                            periods,
                                                            n,
                                                            range.from(),
                                                            range.to(),
                                                            now)));
                        })
                .onSuccess(json -> JsonReply.send(ctx, 200, json))
                .onFailure(ctx::fail);
    }
}
