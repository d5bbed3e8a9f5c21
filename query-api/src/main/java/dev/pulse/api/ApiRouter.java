package dev.pulse.api;

import dev.pulse.access.accounts.AccountOwnerCheck;
import dev.pulse.access.accounts.Accounts;
import dev.pulse.access.alerts.Alerts;
import dev.pulse.access.command.CommandRecorder;
import dev.pulse.access.followups.FollowUps;
import dev.pulse.access.funnels.Funnels;
import dev.pulse.access.journey.Journeys;
import dev.pulse.access.portfolio.Portfolios;
import dev.pulse.access.reports.ExportFormat;
import dev.pulse.access.reports.Reports;
import dev.pulse.access.schedules.ReportSchedules;
import dev.pulse.access.schedules.ScheduleStore;
import dev.pulse.access.segments.Segments;
import dev.pulse.access.summary.Summaries;
import dev.pulse.api.accounts.AccountDetailHandler;
import dev.pulse.api.accounts.TimeseriesHandler;
import dev.pulse.api.admin.ApiKeyAdminHandler;
import dev.pulse.api.admin.WarehouseAdminHandler;
import dev.pulse.api.alerts.AlertHistoryHandler;
import dev.pulse.api.alerts.AlertsHandler;
import dev.pulse.api.audit.AuditHandler;
import dev.pulse.api.audit.AuditQueryHandler;
import dev.pulse.api.audit.RouteTemplates;
import dev.pulse.api.auth.ApiAuthenticationHandler;
import dev.pulse.api.auth.ApiSecurity;
import dev.pulse.api.auth.Authorize;
import dev.pulse.api.auth.InternalTokenHandler;
import dev.pulse.api.auth.MeHandler;
import dev.pulse.api.auth.RateLimitHandler;
import dev.pulse.api.auth.RateLimits;
import dev.pulse.api.dashboard.DashboardBundle;
import dev.pulse.api.dashboard.DashboardRoutes;
import dev.pulse.api.followups.FollowUpsHandler;
import dev.pulse.api.funnels.FunnelsHandler;
import dev.pulse.api.health.HealthHandler;
import dev.pulse.api.http.BlockingReads;
import dev.pulse.api.http.ClientAddress;
import dev.pulse.api.http.ListCsv;
import dev.pulse.api.http.PathParams;
import dev.pulse.api.http.ProblemFailureHandler;
import dev.pulse.api.http.ReadinessGate;
import dev.pulse.api.http.RequestLimits;
import dev.pulse.api.http.SecurityHeaders;
import dev.pulse.api.http.SegmentFilters;
import dev.pulse.api.ingest.AccountIngestHandler;
import dev.pulse.api.ingest.EventIngestHandler;
import dev.pulse.api.ingest.UnknownOwnerGauge;
import dev.pulse.api.internal.InternalStateHandler;
import dev.pulse.api.journey.AccountJourneyHandler;
import dev.pulse.api.journey.JourneyHandler;
import dev.pulse.api.metrics.MetricsHandler;
import dev.pulse.api.notifications.NotificationStreamHandler;
import dev.pulse.api.notifications.NotificationsHandler;
import dev.pulse.api.notifications.PreferencesHandler;
import dev.pulse.api.openapi.OpenApiHandler;
import dev.pulse.api.portfolio.PortfolioHandler;
import dev.pulse.api.reports.RenderQueue;
import dev.pulse.api.reports.ReportSchedulesHandler;
import dev.pulse.api.reports.ReportSettings;
import dev.pulse.api.reports.ReportsHandler;
import dev.pulse.api.segments.SegmentsHandler;
import dev.pulse.api.signin.PendingLogins;
import dev.pulse.api.signin.SignInHandler;
import dev.pulse.api.summary.SummaryHandler;
import dev.pulse.reports.ReportRenderer;
import dev.pulse.streams.read.InternalReadProtocol;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executor;

/**
 * Wires every route of the API, in one place.
 *
 * <p>Every request first gets a request id and, when it is audited, one audit entry. Every {@code
 * /v1/} request is then authenticated and given its scope-checked reader ({@link
 * ApiAuthenticationHandler}), and charged to its caller's rate limit; {@code /internal/} requests
 * must carry the internal token. The browser sign-in routes under {@code /auth/} are public (see
 * {@link SignInHandler}); the session cookie they set authenticates {@code /v1/} requests. Health,
 * metrics and the OpenAPI document are public. Read routes pass a readiness gate; only the ingest
 * and key-creation routes read a body, bounded to {@link RequestLimits#BODY_LIMIT_BYTES}, and only
 * after the caller's role was checked ({@link Authorize}). Every failure, unknown route and wrong
 * method ends in {@link ProblemFailureHandler}.
 *
 * <p>The security handlers sit on routes without a path (see {@link #under}), so the {@code route}
 * label of the HTTP metrics stays the route template.
 */
final class ApiRouter {
    static final String EVENTS = "/v1/events";
    static final String ACCOUNTS = "/v1/accounts";
    static final String ACCOUNT = "/v1/accounts/:" + PathParams.TENANT;
    static final String TIMESERIES = ACCOUNT + "/timeseries";
    static final String PORTFOLIO = "/v1/portfolio";
    static final String SUMMARY = "/v1/summary";
    static final String FUNNELS = "/v1/funnels";
    static final String FUNNEL = FUNNELS + "/:" + FunnelsHandler.ID;
    static final String ACCOUNT_JOURNEY = ACCOUNT + "/journey";
    static final String JOURNEY = "/v1/journey";
    static final String ME = "/v1/me";
    static final String ALERTS = "/v1/alerts";
    static final String ALERT_HISTORY = ALERTS + "/history";
    static final String ALERT = ALERTS + "/:" + PathParams.TENANT + "/:" + AlertsHandler.RULE;
    static final String ALERT_ACK = ALERT + "/ack";
    static final String ALERT_SNOOZE = ALERT + "/snooze";
    static final String ALERT_RESOLVE = ALERT + "/resolve";
    static final String NOTIFICATIONS = "/v1/notifications";
    static final String NOTIFICATION_READ =
            NOTIFICATIONS + "/:" + NotificationsHandler.ID + "/read";
    static final String NOTIFICATIONS_READ_ALL = NOTIFICATIONS + "/read";
    static final String NOTIFICATION_STREAM = NOTIFICATIONS + "/stream";
    static final String PREFERENCES = ME + "/notification-preferences";
    static final String ACCOUNT_FOLLOW_UPS = ACCOUNT + "/follow-ups";
    static final String ALERT_FOLLOW_UP = ALERT + "/follow-up";
    static final String FOLLOW_UPS = "/v1/follow-ups";
    static final String FOLLOW_UP =
            FOLLOW_UPS + "/:" + PathParams.TENANT + "/:" + FollowUpsHandler.ID;
    static final String AUDIT = "/v1/audit";
    static final String AUDIT_VERIFY = "/v1/audit/verify";
    static final String API_KEYS = "/v1/admin/api-keys";
    static final String API_KEY = API_KEYS + "/:" + ApiKeyAdminHandler.ID;
    static final String DIRECTORY_REFRESH = "/v1/admin/warehouse/directory-refresh";
    static final String REPORT_ACCOUNT = "/v1/reports/accounts/:" + ReportsHandler.FILE;
    static final String REPORT_PORTFOLIO_PDF = "/v1/reports/portfolio.pdf";
    static final String REPORT_PORTFOLIO_CSV = "/v1/reports/portfolio.csv";
    static final String REPORT_SCHEDULES = "/v1/report-schedules";
    static final String REPORT_SCHEDULE = REPORT_SCHEDULES + "/:" + ReportSchedulesHandler.ID;
    static final String SEGMENTS = "/v1/segments";
    static final String SEGMENTS_PREVIEW = SEGMENTS + "/preview";
    static final String SEGMENTS_COMPARE = SEGMENTS + "/compare";
    static final String SEGMENT = SEGMENTS + "/:" + SegmentsHandler.ID;
    static final String SEGMENT_ACCOUNTS = SEGMENT + "/accounts";
    static final String SEGMENT_HISTORY = SEGMENT + "/history";
    static final String CSV = ".csv";
    static final String LIVE = "/health/live";
    static final String READY = "/health/ready";
    static final String METRICS = "/metrics";
    static final String OPENAPI = "/openapi.yaml";

    /** Every route template, for naming requests in the audit log. */
    static final RouteTemplates TEMPLATES =
            new RouteTemplates(
                    List.of(
                            EVENTS,
                            ACCOUNTS,
                            ACCOUNT,
                            TIMESERIES,
                            PORTFOLIO,
                            SUMMARY,
                            FUNNELS,
                            FUNNEL,
                            ACCOUNT_JOURNEY,
                            JOURNEY,
                            ME,
                            ALERTS,
                            ALERT_HISTORY,
                            ALERT_ACK,
                            ALERT_SNOOZE,
                            ALERT_RESOLVE,
                            NOTIFICATIONS,
                            NOTIFICATION_READ,
                            NOTIFICATIONS_READ_ALL,
                            NOTIFICATION_STREAM,
                            PREFERENCES,
                            ACCOUNT_FOLLOW_UPS,
                            ALERT_FOLLOW_UP,
                            FOLLOW_UPS,
                            FOLLOW_UP,
                            AUDIT,
                            AUDIT_VERIFY,
                            API_KEYS,
                            API_KEY,
                            DIRECTORY_REFRESH,
                            REPORT_ACCOUNT,
                            REPORT_PORTFOLIO_PDF,
                            REPORT_PORTFOLIO_CSV,
                            REPORT_SCHEDULES,
                            REPORT_SCHEDULE,
                            SEGMENTS,
                            SEGMENTS_PREVIEW,
                            SEGMENTS_COMPARE,
                            SEGMENT,
                            SEGMENT_ACCOUNTS,
                            SEGMENT_HISTORY,
                            SEGMENTS + CSV,
                            SEGMENT_ACCOUNTS + CSV,
                            SEGMENT_HISTORY + CSV,
                            PORTFOLIO + CSV,
                            SUMMARY + CSV,
                            ACCOUNT_JOURNEY + CSV,
                            JOURNEY + CSV,
                            TIMESERIES + CSV,
                            ALERTS + CSV,
                            ALERT_HISTORY + CSV,
                            FOLLOW_UPS + CSV,
                            ACCOUNT_FOLLOW_UPS + CSV,
                            AUDIT + CSV,
                            InternalReadProtocol.SCORES,
                            InternalReadProtocol.JOURNEYS,
                            InternalReadProtocol.DAILY_SCORES,
                            InternalReadProtocol.ENGAGEMENT,
                            InternalReadProtocol.ENGAGEMENT_TOTALS,
                            InternalReadProtocol.ALERTS,
                            InternalReadProtocol.ALERT,
                            InternalReadProtocol.ALERT_HISTORY,
                            InternalReadProtocol.FOLLOW_UPS,
                            InternalReadProtocol.FUNNEL_DAYS,
                            LIVE,
                            READY,
                            METRICS,
                            OPENAPI,
                            SignInHandler.LOGIN,
                            SignInHandler.CALLBACK,
                            SignInHandler.LOGOUT));

    /** Comment sent on idle notification streams so proxies keep them open. */
    private static final Duration SSE_HEARTBEAT = Duration.ofSeconds(15);

    /** Largest body of an alert action. */
    private static final long ALERT_BODY_LIMIT_BYTES = 4 * 1024;

    /** Largest body of a follow-up creation or change. */
    private static final long FOLLOW_UP_BODY_LIMIT_BYTES = 8 * 1024;

    /** Largest body of a segment (name, description, criteria) or a preview. */
    private static final long SEGMENT_BODY_LIMIT_BYTES = 16 * 1024;

    /** Largest body of an API key creation. */
    private static final long ADMIN_BODY_LIMIT_BYTES = 16 * 1024;

    /** Every route under this prefix needs authentication. */
    private static final String V1 = "/v1/";

    private ApiRouter() {}

    /**
     * {@code handler} for paths under {@code prefix} (as the router matches them, normalized), on a
     * route without a path: a route with a path would add its path to the {@code route} label of
     * the HTTP metrics ({@code /v1/*>/v1/accounts/:tenant}).
     */
    private static Handler<RoutingContext> under(String prefix, Handler<RoutingContext> handler) {
        return ctx -> {
            if (ctx.normalizedPath().startsWith(prefix)) {
                handler.handle(ctx);
            } else {
                ctx.next();
            }
        };
    }

    static Router create(Vertx vertx, ApiDependencies deps, BlockingReads reads) {
        Router router = Router.router(vertx);
        ProblemFailureHandler failures = new ProblemFailureHandler();
        router.route().failureHandler(failures);
        router.errorHandler(404, failures);
        router.errorHandler(405, failures);
        router.errorHandler(413, failures);
        router.errorHandler(500, failures);

        ApiSecurity security = deps.security();
        RateLimits limits = new RateLimits(security.rateLimits());
        router.route().handler(new ClientAddress(security.trustedProxies()));
        // Before authentication, so refusals carry them too.
        router.route()
                .handler(
                        under(
                                V1,
                                ctx -> {
                                    SecurityHeaders.applyToData(ctx.response().headers());
                                    ctx.next();
                                }));
        router.route().handler(new AuditHandler(security.auditLog(), deps.clock(), TEMPLATES));
        // The only use of the unchecked reader: wrapped per request in the caller's scope.
        router.route()
                .handler(
                        under(
                                V1,
                                new ApiAuthenticationHandler(
                                        security, deps.reader(), reads, limits)));
        router.route().handler(under(V1, new RateLimitHandler(limits)));
        router.route()
                .handler(
                        under(
                                InternalReadProtocol.PREFIX + "/",
                                new InternalTokenHandler(security.internalToken())));

        BodyHandler body = BodyHandler.create(false).setBodyLimit(RequestLimits.BODY_LIMIT_BYTES);
        ReadinessGate gate = new ReadinessGate(deps.ready());

        router.post(EVENTS)
                .handler(Authorize.ingest())
                .handler(body)
                .handler(
                        new EventIngestHandler(
                                deps.publisher(), deps.clock(), reads, deps.registry()));
        AccountOwnerCheck owners = new AccountOwnerCheck(security.people().directory());
        // The accounts table is global: this instance's copy holds every account.
        UnknownOwnerGauge.bindTo(
                deps.registry(), () -> owners.countUnknown(deps.localReader().accounts()));
        router.post(ACCOUNTS)
                .handler(Authorize.ingest())
                .handler(body)
                .handler(
                        new AccountIngestHandler(deps.publisher(), reads, deps.registry(), owners));

        CommandRecorder recorder = new CommandRecorder(deps.publisher());
        Alerts alertCases = new Alerts(recorder, deps.clock());
        FollowUps followUpCases =
                new FollowUps(recorder, alertCases, deps.clock(), security.people().directory());
        Accounts accountCases = new Accounts(deps.clock());

        Segments segmentCases =
                deps.segments() == null
                        ? null
                        : new Segments(deps.segments(), deps.clock(), deps.funnels());
        SegmentFilters segmentFilters = new SegmentFilters(segmentCases);
        PortfolioHandler portfolio =
                new PortfolioHandler(new Portfolios(deps.clock()), reads, segmentFilters);
        for (String path : List.of(PORTFOLIO, PORTFOLIO + CSV)) {
            router.get(path).handler(ListCsv.rows("accounts")).handler(gate).handler(portfolio);
        }
        router.get(ACCOUNT).handler(gate).handler(new AccountDetailHandler(accountCases, reads));
        TimeseriesHandler timeseries = new TimeseriesHandler(accountCases, deps.clock(), reads);
        for (String path : List.of(TIMESERIES, TIMESERIES + CSV)) {
            router.get(path).handler(ListCsv.rows("points")).handler(gate).handler(timeseries);
        }
        Executor summaryReads = summaryReads(vertx);
        SummaryHandler summary =
                new SummaryHandler(
                        new Summaries(deps.clock(), summaryReads),
                        deps.clock(),
                        reads,
                        segmentFilters);
        for (String path : List.of(SUMMARY, SUMMARY + CSV)) {
            router.get(path).handler(ListCsv.rows("owners")).handler(gate).handler(summary);
        }
        FunnelsHandler funnels =
                new FunnelsHandler(
                        new Funnels(deps.funnels()), deps.clock(), reads, segmentFilters);
        router.get(FUNNELS).handler(ListCsv.rows("funnels")).handler(funnels::list);
        router.get(FUNNEL).handler(ListCsv.rows("steps")).handler(gate).handler(funnels::get);
        mountReports(router, vertx, deps, gate, summaryReads, segmentFilters);
        Journeys journeyCases = new Journeys(deps.journey());
        AccountJourneyHandler accountJourney = new AccountJourneyHandler(journeyCases, reads);
        for (String path : List.of(ACCOUNT_JOURNEY, ACCOUNT_JOURNEY + CSV)) {
            router.get(path)
                    .handler(ListCsv.rows("transitions"))
                    .handler(gate)
                    .handler(accountJourney);
        }
        JourneyHandler journey =
                new JourneyHandler(journeyCases, deps.clock(), reads, segmentFilters);
        for (String path : List.of(JOURNEY, JOURNEY + CSV)) {
            router.get(path).handler(ListCsv.rows("stages")).handler(gate).handler(journey);
        }
        mountReportSchedules(router, deps, reads, segmentCases);
        mountSegments(router, segmentCases, deps, gate, reads);
        router.get(ME).handler(new MeHandler(security.people()));

        AlertsHandler alerts = new AlertsHandler(alertCases, deps.clock(), reads, segmentFilters);
        for (String path : List.of(ALERTS, ALERTS + CSV)) {
            router.get(path).handler(ListCsv.rows("alerts")).handler(gate).handler(alerts::list);
        }
        // Before every /v1/alerts/:tenant/... route, so "history" is never taken for a tenant.
        AlertHistoryHandler alertHistory = new AlertHistoryHandler(alertCases, deps.clock(), reads);
        for (String path : List.of(ALERT_HISTORY, ALERT_HISTORY + CSV)) {
            router.get(path)
                    .handler(ListCsv.rows("transitions"))
                    .handler(gate)
                    .handler(alertHistory);
        }
        BodyHandler alertBody = BodyHandler.create(false).setBodyLimit(ALERT_BODY_LIMIT_BYTES);
        router.post(ALERT_ACK)
                .handler(Authorize.alertActions())
                .handler(alertBody)
                .handler(gate)
                .handler(alerts::ack);
        router.post(ALERT_SNOOZE)
                .handler(Authorize.alertActions())
                .handler(alertBody)
                .handler(gate)
                .handler(alerts::snooze);
        router.post(ALERT_RESOLVE)
                .handler(Authorize.alertActions())
                .handler(alertBody)
                .handler(gate)
                .handler(alerts::resolve);

        FollowUpsHandler followUps =
                new FollowUpsHandler(followUpCases, deps.clock(), reads, segmentFilters);
        BodyHandler followUpBody =
                BodyHandler.create(false).setBodyLimit(FOLLOW_UP_BODY_LIMIT_BYTES);
        for (String path : List.of(FOLLOW_UPS, FOLLOW_UPS + CSV)) {
            router.get(path)
                    .handler(Authorize.followUps())
                    .handler(ListCsv.rows("followUps"))
                    .handler(gate)
                    .handler(followUps::listForOwner);
        }
        for (String path : List.of(ACCOUNT_FOLLOW_UPS, ACCOUNT_FOLLOW_UPS + CSV)) {
            router.get(path)
                    .handler(Authorize.followUps())
                    .handler(ListCsv.rows("followUps"))
                    .handler(gate)
                    .handler(followUps::listForAccount);
        }
        router.post(ACCOUNT_FOLLOW_UPS)
                .handler(Authorize.followUps())
                .handler(followUpBody)
                .handler(gate)
                .handler(followUps::create);
        router.post(ALERT_FOLLOW_UP)
                .handler(Authorize.followUps())
                .handler(followUpBody)
                .handler(gate)
                .handler(followUps::createFromAlert);
        router.patch(FOLLOW_UP)
                .handler(Authorize.followUps())
                .handler(followUpBody)
                .handler(gate)
                .handler(followUps::update);

        AuditQueryHandler audit = new AuditQueryHandler(security.auditReader(), reads);
        NotificationsHandler feed =
                new NotificationsHandler(
                        deps.notifications(), reads, deps.publisher(), deps.clock());
        // Registered before the {id}/read route so "stream" and "read" are not taken for ids.
        router.get(NOTIFICATION_STREAM)
                .handler(
                        new NotificationStreamHandler(
                                deps.notifications(),
                                reads,
                                SSE_HEARTBEAT,
                                deps.security().policy()));
        router.post(NOTIFICATIONS_READ_ALL).handler(feed::markAllRead);
        router.get(NOTIFICATIONS).handler(feed::list);
        router.post(NOTIFICATION_READ).handler(feed::markRead);
        PreferencesHandler preferences =
                new PreferencesHandler(deps.notifications(), reads, deps.publisher(), deps.clock());
        router.get(PREFERENCES).handler(preferences::get);
        router.put(PREFERENCES)
                .handler(BodyHandler.create(false).setBodyLimit(ALERT_BODY_LIMIT_BYTES))
                .handler(preferences::put);

        for (String path : List.of(AUDIT, AUDIT + CSV)) {
            router.get(path)
                    .handler(Authorize.admin())
                    .handler(ListCsv.rows("records"))
                    .handler(audit::query);
        }
        router.get(AUDIT_VERIFY).handler(Authorize.admin()).handler(audit::verify);

        ApiKeyAdminHandler apiKeys = new ApiKeyAdminHandler(security.apiKeys(), reads);
        router.post(API_KEYS)
                .handler(Authorize.admin())
                .handler(BodyHandler.create(false).setBodyLimit(ADMIN_BODY_LIMIT_BYTES))
                .handler(apiKeys::create);
        router.get(API_KEYS).handler(Authorize.admin()).handler(apiKeys::list);
        router.delete(API_KEY).handler(Authorize.admin()).handler(apiKeys::revoke);
        WarehouseAdminHandler warehouse = new WarehouseAdminHandler(deps.warehouse());
        router.post(DIRECTORY_REFRESH)
                .handler(Authorize.admin())
                .handler(warehouse::refreshDirectory);

        if (deps.oidc() != null) {
            // Browser sign-in (/auth/...): public routes that open and end cookie sessions.
            new SignInHandler(
                            deps.oidc(),
                            security.people(),
                            security.sessions(),
                            new PendingLogins(
                                    PendingLogins.DEFAULT_TTL,
                                    PendingLogins.DEFAULT_MAX,
                                    deps.clock()),
                            reads)
                    .mount(router);
        }

        HealthHandler health = new HealthHandler(deps.ready(), deps.warehouse(), deps.restoring());
        router.get(LIVE).handler(health::live);
        router.get(READY).handler(health::ready);
        router.get(METRICS).handler(new MetricsHandler(deps.registry(), reads));
        router.get(OPENAPI).handler(OpenApiHandler.fromClasspath());

        InternalStateHandler internal = new InternalStateHandler(deps.localReader(), reads);
        router.get(InternalReadProtocol.SCORES).handler(gate).handler(internal::scores);
        router.get(InternalReadProtocol.JOURNEYS).handler(gate).handler(internal::journeys);
        router.get(InternalReadProtocol.DAILY_SCORES).handler(gate).handler(internal::dailyScores);
        router.get(InternalReadProtocol.ENGAGEMENT).handler(gate).handler(internal::engagement);
        router.get(InternalReadProtocol.ENGAGEMENT_TOTALS)
                .handler(gate)
                .handler(internal::engagementTotals);
        router.get(InternalReadProtocol.ALERTS).handler(gate).handler(internal::alerts);
        router.get(InternalReadProtocol.ALERT).handler(gate).handler(internal::alert);
        router.get(InternalReadProtocol.ALERT_HISTORY)
                .handler(gate)
                .handler(internal::alertHistory);
        deps.extraRoutes().accept(router);
        router.get(InternalReadProtocol.FOLLOW_UPS).handler(gate).handler(internal::followUps);
        router.get(InternalReadProtocol.FUNNEL_DAYS).handler(gate).handler(internal::funnelDays);

        // The web app answers what no route matched (its page for client routes, its assets);
        // everything else still ends in the problem 404 set above.
        DashboardRoutes.mount(router, DashboardBundle.fromClasspath(), failures);
        return router;
    }

    /**
     * Report schedules. Where this instance keeps none the routes are not mounted: 404, which the
     * dashboard takes for "no schedules on this server".
     */
    private static void mountReportSchedules(
            Router router, ApiDependencies deps, BlockingReads reads, Segments segments) {
        ScheduleStore store = deps.reports().schedules();
        if (store == null) {
            return;
        }
        ReportSchedulesHandler schedules =
                new ReportSchedulesHandler(
                        new ReportSchedules(store, deps.clock(), segments), reads);
        router.get(REPORT_SCHEDULES).handler(schedules::list);
        router.post(REPORT_SCHEDULES)
                .handler(BodyHandler.create(false).setBodyLimit(ALERT_BODY_LIMIT_BYTES))
                .handler(schedules::create);
        router.delete(REPORT_SCHEDULE).handler(schedules::cancel);
    }

    /**
     * Saved segments. Where this instance keeps none the routes are not mounted (404). The literal
     * paths ({@code preview}, {@code compare}) come before {@code /v1/segments/:id} so they are
     * never taken for ids; writes pass the role gate before their body is read.
     */
    private static void mountSegments(
            Router router,
            Segments segments,
            ApiDependencies deps,
            ReadinessGate gate,
            BlockingReads reads) {
        if (segments == null) {
            return;
        }
        SegmentsHandler handler = new SegmentsHandler(segments, deps.clock(), reads);
        BodyHandler body = BodyHandler.create(false).setBodyLimit(SEGMENT_BODY_LIMIT_BYTES);
        for (String path : List.of(SEGMENTS, SEGMENTS + CSV)) {
            router.get(path).handler(ListCsv.rows("segments")).handler(gate).handler(handler::list);
        }
        router.post(SEGMENTS).handler(Authorize.segments()).handler(body).handler(handler::create);
        router.post(SEGMENTS_PREVIEW)
                .handler(body)
                .handler(ListCsv.rows("accounts"))
                .handler(gate)
                .handler(handler::preview);
        router.get(SEGMENTS_COMPARE)
                .handler(ListCsv.rows("segments"))
                .handler(gate)
                .handler(handler::compare);
        router.get(SEGMENT).handler(handler::get);
        router.put(SEGMENT).handler(Authorize.segments()).handler(body).handler(handler::update);
        router.delete(SEGMENT).handler(Authorize.segments()).handler(handler::delete);
        for (String path : List.of(SEGMENT_ACCOUNTS, SEGMENT_ACCOUNTS + CSV)) {
            router.get(path)
                    .handler(ListCsv.rows("accounts"))
                    .handler(gate)
                    .handler(handler::accounts);
        }
        for (String path : List.of(SEGMENT_HISTORY, SEGMENT_HISTORY + CSV)) {
            router.get(path).handler(ListCsv.rows("days")).handler(gate).handler(handler::history);
        }
    }

    /**
     * Report downloads: the use case reads in the caller's scope and audits the export; rendering
     * runs on a pool of its own with a bounded queue ({@link RenderQueue}).
     */
    private static void mountReports(
            Router router,
            Vertx vertx,
            ApiDependencies deps,
            ReadinessGate gate,
            Executor summaryReads,
            SegmentFilters segments) {
        ReportSettings settings = deps.reports();
        WorkerExecutor renders =
                vertx.createSharedWorkerExecutor("pulse-report-renders", settings.concurrent());
        ReportsHandler reports =
                new ReportsHandler(
                        new Reports(deps.clock(), summaryReads, deps.security().auditLog()),
                        new ReportRenderer(settings.bands()),
                        new RenderQueue(renders, settings.concurrent(), settings.queued()),
                        deps.clock(),
                        segments);
        router.get(REPORT_ACCOUNT).handler(gate).handler(reports::account);
        router.get(REPORT_PORTFOLIO_PDF)
                .handler(gate)
                .handler(ctx -> reports.portfolio(ctx, ExportFormat.PDF));
        router.get(REPORT_PORTFOLIO_CSV)
                .handler(gate)
                .handler(ctx -> reports.portfolio(ctx, ExportFormat.CSV));
    }

    /**
     * The summary's per-account reads run in chunks on a pool of their own: the summary itself runs
     * on the read pool, and waiting there for work queued on the same pool could stall it.
     */
    private static Executor summaryReads(Vertx vertx) {
        WorkerExecutor pool = vertx.createSharedWorkerExecutor("pulse-summary-reads", 4);
        return task ->
                pool.executeBlocking(
                        () -> {
                            task.run();
                            return null;
                        },
                        false);
    }
}
