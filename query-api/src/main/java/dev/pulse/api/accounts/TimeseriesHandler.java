package dev.pulse.api.accounts;

import dev.pulse.access.accounts.Accounts;
import dev.pulse.access.security.Caller;
import dev.pulse.api.auth.RequestAccess;
import dev.pulse.api.http.BlockingReads;
import dev.pulse.api.http.PathParams;
import dev.pulse.api.http.ProblemException;
import dev.pulse.api.http.RequestParams;
import dev.pulse.topologies.health.HealthScore;
import dev.pulse.topologies.time.UtcDays;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.SortedSet;

/**
 * {@code GET /v1/accounts/{tenant}/timeseries}: one metric of one account over a range, by hour or
 * by day. Engagement metrics have a point for every bucket; score metrics (the at-risk decision
 * among them) one per scored day.
 */
public final class TimeseriesHandler implements Handler<RoutingContext> {
    private final Accounts accounts;
    private final Clock clock;
    private final BlockingReads reads;

    public TimeseriesHandler(Accounts accounts, Clock clock, BlockingReads reads) {
        this.accounts = accounts;
        this.clock = clock;
        this.reads = reads;
    }

    @Override
    public void handle(RoutingContext ctx) {
        String tenant = PathParams.tenant(ctx);
        Instant now = clock.instant();
        TimeseriesQuery query = TimeseriesQuery.parse(RequestParams.of(ctx), now);
        Caller caller = RequestAccess.caller(ctx);
        RequestAccess.touched(ctx, tenant);
        reads.respondJson(
                ctx,
                () -> {
                    List<SeriesPoint> points =
                            query.metric().fromDailyScores()
                                    ? scorePoints(caller, tenant, query, now)
                                    : engagementPoints(caller, tenant, query);
                    return new Timeseries(
                            tenant,
                            query.metric().label(),
                            query.step().label(),
                            query.from(),
                            query.to(),
                            points);
                });
    }

    private List<SeriesPoint> scorePoints(
            Caller caller, String tenant, TimeseriesQuery query, Instant now) {
        Accounts.ScoreHistory history =
                accounts.scoreHistory(caller, tenant, query.from(), query.to())
                        .orElseThrow(() -> AccountDetailHandler.unknownTenant(tenant));
        Instant today = UtcDays.startOfDay(now);
        HealthScore shown = query.to().isAfter(today) ? history.current() : null;
        if (query.metric().kind() == TimeseriesMetric.Kind.MEASURE) {
            SortedSet<String> known = ScoreSeries.measures(history.daily(), shown);
            if (!known.isEmpty() && !known.contains(query.metric().qualifier())) {
                throw ProblemException.badParameter(
                        "metric",
                        "names an unknown measure '"
                                + query.metric().qualifier()
                                + "'; this account's scores have the measures "
                                + String.join(", ", known));
            }
        }
        return ScoreSeries.points(
                query.metric(), history.daily(), shown, query.from(), query.to(), today);
    }

    private List<SeriesPoint> engagementPoints(
            Caller caller, String tenant, TimeseriesQuery query) {
        return EngagementSeries.points(
                query.metric(),
                query.step(),
                accounts.engagement(
                                caller,
                                tenant,
                                query.step().granularity(),
                                query.from(),
                                query.to())
                        .orElseThrow(() -> AccountDetailHandler.unknownTenant(tenant)),
                query.from(),
                query.to());
    }
}
