package dev.pulse.api;

import dev.pulse.api.accounts.AccountDetailHandler;
import dev.pulse.api.accounts.TimeseriesHandler;
import dev.pulse.api.health.HealthHandler;
import dev.pulse.api.http.BlockingReads;
import dev.pulse.api.http.PathParams;
import dev.pulse.api.http.ProblemFailureHandler;
import dev.pulse.api.http.ReadinessGate;
import dev.pulse.api.http.RequestLimits;
import dev.pulse.api.ingest.AccountIngestHandler;
import dev.pulse.api.ingest.EventIngestHandler;
import dev.pulse.api.internal.InternalRoutes;
import dev.pulse.api.internal.InternalStateHandler;
import dev.pulse.api.metrics.MetricsHandler;
import dev.pulse.api.openapi.OpenApiHandler;
import dev.pulse.api.portfolio.PortfolioHandler;
import dev.pulse.api.summary.SummaryHandler;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * Wires every route of the API, in one place. Read routes pass a readiness gate first; only the
 * ingest routes read a body, bounded to {@link RequestLimits#BODY_LIMIT_BYTES}; every failure,
 * unknown route and wrong method ends in {@link ProblemFailureHandler}.
 */
final class ApiRouter {
    static final String EVENTS = "/v1/events";
    static final String ACCOUNTS = "/v1/accounts";
    static final String ACCOUNT = "/v1/accounts/:" + PathParams.TENANT;
    static final String TIMESERIES = ACCOUNT + "/timeseries";
    static final String PORTFOLIO = "/v1/portfolio";
    static final String SUMMARY = "/v1/summary";
    static final String LIVE = "/health/live";
    static final String READY = "/health/ready";
    static final String METRICS = "/metrics";
    static final String OPENAPI = "/openapi.yaml";

    private ApiRouter() {}

    static Router create(Vertx vertx, ApiDependencies deps, BlockingReads reads) {
        Router router = Router.router(vertx);
        ProblemFailureHandler failures = new ProblemFailureHandler();
        router.route().failureHandler(failures);
        router.errorHandler(404, failures);
        router.errorHandler(405, failures);
        router.errorHandler(413, failures);
        router.errorHandler(500, failures);

        BodyHandler body = BodyHandler.create(false).setBodyLimit(RequestLimits.BODY_LIMIT_BYTES);
        ReadinessGate gate = new ReadinessGate(deps.ready());

        router.post(EVENTS)
                .handler(body)
                .handler(
                        new EventIngestHandler(
                                deps.publisher(), deps.clock(), reads, deps.registry()));
        router.post(ACCOUNTS)
                .handler(body)
                .handler(new AccountIngestHandler(deps.publisher(), reads, deps.registry()));

        router.get(PORTFOLIO)
                .handler(gate)
                .handler(new PortfolioHandler(deps.reader(), deps.clock(), reads));
        router.get(ACCOUNT)
                .handler(gate)
                .handler(new AccountDetailHandler(deps.reader(), deps.clock(), reads));
        router.get(TIMESERIES)
                .handler(gate)
                .handler(new TimeseriesHandler(deps.reader(), deps.clock(), reads));
        router.get(SUMMARY)
                .handler(gate)
                .handler(new SummaryHandler(deps.reader(), deps.clock(), reads));

        HealthHandler health = new HealthHandler(deps.ready());
        router.get(LIVE).handler(health::live);
        router.get(READY).handler(health::ready);
        router.get(METRICS).handler(new MetricsHandler(deps.registry(), reads));
        router.get(OPENAPI).handler(OpenApiHandler.fromClasspath());

        InternalStateHandler internal = new InternalStateHandler(deps.localReader(), reads);
        router.get(InternalRoutes.SCORES).handler(gate).handler(internal::scores);
        router.get(InternalRoutes.DAILY_SCORES).handler(gate).handler(internal::dailyScores);
        router.get(InternalRoutes.ENGAGEMENT).handler(gate).handler(internal::engagement);
        router.get(InternalRoutes.ENGAGEMENT_TOTALS)
                .handler(gate)
                .handler(internal::engagementTotals);
        return router;
    }
}
