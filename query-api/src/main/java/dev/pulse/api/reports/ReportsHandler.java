package dev.pulse.api.reports;

import dev.pulse.access.reports.ExportFormat;
import dev.pulse.access.reports.ExportOrigin;
import dev.pulse.access.reports.PortfolioSelection;
import dev.pulse.access.reports.ReportPeriod;
import dev.pulse.access.reports.Reports;
import dev.pulse.access.security.Caller;
import dev.pulse.api.audit.AuditHandler;
import dev.pulse.api.auth.RequestAccess;
import dev.pulse.api.http.ClientAddress;
import dev.pulse.api.http.PathParams;
import dev.pulse.api.http.ProblemException;
import dev.pulse.api.http.RequestParams;
import dev.pulse.api.http.SegmentFilters;
import dev.pulse.api.http.TimeRange;
import dev.pulse.reports.RenderedReport;
import dev.pulse.reports.ReportRenderer;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * {@code GET /v1/reports/accounts/{tenant}.pdf|.csv?from&to} and {@code GET
 * /v1/reports/portfolio.pdf|.csv?owner|team&segment&from&to}: the {@link Reports} use cases,
 * rendered by {@link ReportRenderer} in the {@link RenderQueue}. The range defaults to the last 30
 * days and is at most two years; {@code to} is exclusive, as everywhere in the API.
 */
public final class ReportsHandler {
    public static final String FILE = "file";
    static final Duration DEFAULT_SPAN = Duration.ofDays(30);

    private final Reports reports;
    private final ReportRenderer renderer;
    private final RenderQueue queue;
    private final Clock clock;
    private final SegmentFilters segments;

    public ReportsHandler(
            Reports reports,
            ReportRenderer renderer,
            RenderQueue queue,
            Clock clock,
            SegmentFilters segments) {
        this.reports = reports;
        this.renderer = renderer;
        this.queue = queue;
        this.clock = clock;
        this.segments = segments;
    }

    /** {@code /v1/reports/accounts/:file}, the file being {@code <tenant>.pdf} or {@code .csv}. */
    public void account(RoutingContext ctx) {
        String file = ctx.pathParam(FILE);
        int dot = file == null ? -1 : file.lastIndexOf('.');
        if (dot < 1) {
            throw ProblemException.badParameter(
                    "tenant", "must be followed by .pdf or .csv, as in acme.pdf");
        }
        String tenant = PathParams.tenantId("tenant", file.substring(0, dot));
        ExportFormat format = format(file.substring(dot + 1));
        ReportPeriod period = period(RequestParams.of(ctx));
        Caller caller = RequestAccess.caller(ctx);
        ExportOrigin origin = origin(ctx);
        RequestAccess.touched(ctx, tenant);
        queue.submit(
                        () ->
                                reports.accountReview(caller, tenant, period, format, origin)
                                        .map(review -> renderer.render(review, format))
                                        .orElseThrow(
                                                () ->
                                                        ProblemException.notFound(
                                                                "no account '" + tenant + "'")))
                .onSuccess(report -> send(ctx, report))
                .onFailure(ctx::fail);
    }

    /** {@code /v1/reports/portfolio.pdf} or {@code .csv}. */
    public void portfolio(RoutingContext ctx, ExportFormat format) {
        RequestParams params = RequestParams.of(ctx);
        Optional<String> owner = params.optional("owner");
        Optional<String> team = params.optional("team");
        if (owner.isPresent() && team.isPresent()) {
            throw ProblemException.badRequest("give owner or team, not both")
                    .with("parameter", "team");
        }
        String segment = SegmentFilters.parameter(params);
        PortfolioSelection selection =
                owner.map(PortfolioSelection::owner)
                        .or(() -> team.map(PortfolioSelection::team))
                        .orElse(PortfolioSelection.all())
                        .withSegment(segment);
        ReportPeriod period = period(params);
        Caller caller = RequestAccess.caller(ctx);
        ExportOrigin origin = origin(ctx);
        queue.submit(
                        () -> {
                            var report =
                                    reports.portfolio(
                                            caller,
                                            selection,
                                            segments.of(caller, segment),
                                            period,
                                            format,
                                            origin);
                            RequestAccess.touched(
                                    ctx,
                                    report.accounts().stream()
                                            .map(line -> line.tenantId())
                                            .toList());
                            return renderer.render(report, format);
                        })
                .onSuccess(report -> send(ctx, report))
                .onFailure(ctx::fail);
    }

    private ReportPeriod period(RequestParams params) {
        TimeRange range =
                TimeRange.resolve(
                        params,
                        clock.instant(),
                        DEFAULT_SPAN,
                        ReportPeriod.MAX_SPAN,
                        "for a report");
        return new ReportPeriod(range.from(), range.to());
    }

    private static ExportFormat format(String extension) {
        try {
            return ExportFormat.fromLabel(extension);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badParameter(
                    "format", "must be .pdf or .csv, not ." + extension);
        }
    }

    private static ExportOrigin origin(RoutingContext ctx) {
        return new ExportOrigin(
                "HTTP",
                ClientAddress.of(ctx),
                ctx.response().headers().get(AuditHandler.REQUEST_ID_HEADER));
    }

    private static void send(RoutingContext ctx, RenderedReport report) {
        if (ctx.response().closed()) {
            return;
        }
        ctx.response()
                .setStatusCode(200)
                .putHeader(HttpHeaders.CONTENT_TYPE, report.mediaType())
                .putHeader(
                        "Content-Disposition", "attachment; filename=\"" + report.fileName() + "\"")
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
                .end(Buffer.buffer(report.bytes()));
    }
}
