package dev.pulse.api.accounts;

import dev.pulse.api.auth.RequestAccess;
import dev.pulse.api.http.BlockingReads;
import dev.pulse.api.http.PathParams;
import dev.pulse.api.http.ProblemException;
import dev.pulse.api.http.RequestParams;
import dev.pulse.streams.read.TenantStateReader;
import dev.pulse.topologies.health.HealthScore;
import dev.pulse.topologies.time.UtcDays;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;

/**
 * {@code GET /v1/accounts/{tenant}/timeseries}: one metric of one account over a range, by hour or
 * by day. Engagement metrics have a point for every bucket; score metrics (the at-risk decision
 * among them) one per scored day.
 */
public final class TimeseriesHandler implements Handler<RoutingContext> {
    private final Clock clock;
    private final BlockingReads reads;

    public TimeseriesHandler(Clock clock, BlockingReads reads) {
        this.clock = clock;
        this.reads = reads;
    }

    @Override
    public void handle(RoutingContext ctx) {
        String tenant = PathParams.tenant(ctx);
        Instant now = clock.instant();
        TimeseriesQuery query = TimeseriesQuery.parse(RequestParams.of(ctx), now);
        TenantStateReader reader = RequestAccess.reader(ctx);
        RequestAccess.touched(ctx, tenant);
        reads.respondJson(ctx, () -> series(reader, tenant, query, now));
    }

    private Timeseries series(
            TenantStateReader reader, String tenant, TimeseriesQuery query, Instant now) {
        List<SeriesPoint> points =
                query.metric().fromDailyScores()
                        ? scorePoints(reader, tenant, query, now)
                        : engagementPoints(reader, tenant, query);
        return new Timeseries(
                tenant,
                query.metric().label(),
                query.step().label(),
                query.from(),
                query.to(),
                points);
    }

    private static List<SeriesPoint> scorePoints(
            TenantStateReader reader, String tenant, TimeseriesQuery query, Instant now) {
        Optional<HealthScore> current = reader.currentScore(tenant);
        if (current.isEmpty() && reader.account(tenant).isEmpty()) {
            throw AccountDetailHandler.unknownTenant(tenant);
        }
        List<HealthScore> daily = reader.dailyScores(tenant, query.from(), query.to());
        Instant today = UtcDays.startOfDay(now);
        HealthScore shown = query.to().isAfter(today) ? current.orElse(null) : null;
        if (query.metric().kind() == TimeseriesMetric.Kind.MEASURE) {
            SortedSet<String> known = ScoreSeries.measures(daily, shown);
            if (!known.isEmpty() && !known.contains(query.metric().qualifier())) {
                throw ProblemException.badParameter(
                        "metric",
                        "names an unknown measure '"
                                + query.metric().qualifier()
                                + "'; this account's scores have the measures "
                                + String.join(", ", known));
            }
        }
        return ScoreSeries.points(query.metric(), daily, shown, query.from(), query.to(), today);
    }

    private static List<SeriesPoint> engagementPoints(
            TenantStateReader reader, String tenant, TimeseriesQuery query) {
        if (reader.account(tenant).isEmpty() && reader.currentScore(tenant).isEmpty()) {
            throw AccountDetailHandler.unknownTenant(tenant);
        }
        return EngagementSeries.points(
                query.metric(),
                query.step(),
                reader.engagement(tenant, query.step().granularity(), query.from(), query.to()),
                query.from(),
                query.to());
    }
}
