package dev.pulse.api.alerts;

import dev.pulse.access.alerts.Alerts;
import dev.pulse.access.security.Caller;
import dev.pulse.api.accounts.AccountDetailHandler;
import dev.pulse.api.auth.RequestAccess;
import dev.pulse.api.http.BlockingReads;
import dev.pulse.api.http.PathParams;
import dev.pulse.api.http.RequestParams;
import dev.pulse.api.http.TimeRange;
import dev.pulse.streams.read.AlertTransition;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * {@code GET /v1/alerts/history}: every state change of one account's alerts in a range, oldest
 * first, each dated to the event time it describes. The account is read through the caller's
 * scope-checked reader: outside the scope 403 (before any store is read), unknown 404.
 */
public final class AlertHistoryHandler implements Handler<RoutingContext> {
    /** Query parameter naming the account. */
    private static final String TENANT = "tenant";

    private static final Duration DEFAULT_SPAN = Duration.ofDays(90);

    /** The history is kept two years. */
    private static final Duration MAX_SPAN = Duration.ofDays(731);

    private static final int DEFAULT_LIMIT = 1000;
    private static final int MAX_LIMIT = 10_000;

    private final Alerts alerts;
    private final Clock clock;
    private final BlockingReads reads;

    public AlertHistoryHandler(Alerts alerts, Clock clock, BlockingReads reads) {
        this.alerts = alerts;
        this.clock = clock;
        this.reads = reads;
    }

    @Override
    public void handle(RoutingContext ctx) {
        RequestParams params = RequestParams.of(ctx);
        String tenant =
                PathParams.tenantId(TENANT, params.required(TENANT, "a tenant id, e.g. acme"));
        Optional<String> rule = params.optional(AlertsHandler.RULE).map(AlertsHandler::ruleId);
        int limit = params.integer("limit", DEFAULT_LIMIT, 1, MAX_LIMIT);
        TimeRange range =
                TimeRange.resolve(
                        params, clock.instant(), DEFAULT_SPAN, MAX_SPAN, "for the alert history");
        Caller caller = RequestAccess.caller(ctx);
        RequestAccess.touched(ctx, tenant);
        reads.respondJson(
                ctx,
                () -> {
                    List<AlertTransition> matching =
                            alerts.history(caller, tenant, rule, range.from(), range.to())
                                    .orElseThrow(() -> AccountDetailHandler.unknownTenant(tenant));
                    List<AlertTransition> page =
                            matching.subList(0, Math.min(limit, matching.size()));
                    return new AlertHistory(
                            tenant,
                            range.from(),
                            range.to(),
                            page.size(),
                            matching.size() > page.size(),
                            List.copyOf(page));
                });
    }
}
