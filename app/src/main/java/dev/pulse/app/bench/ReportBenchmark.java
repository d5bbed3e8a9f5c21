package dev.pulse.app.bench;

import dev.pulse.access.reports.AccountReview;
import dev.pulse.access.reports.ExportFormat;
import dev.pulse.access.reports.PortfolioReport;
import dev.pulse.access.reports.ReportPeriod;
import dev.pulse.reports.RenderedReport;
import dev.pulse.reports.ReportRenderer;
import dev.pulse.reports.sample.SampleReports;
import dev.pulse.topologies.health.HealthModel;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.HdrHistogram.Histogram;

/**
 * How long a report takes, one at a time as a person asks for one: the sizes the targets name (a
 * 12-month account review, a 500-account portfolio report) rendered from sample data, which
 * measures the renderer alone, and an account manager's review and portfolio report asked for
 * through the API on the run's own data, which adds the reads, the audit and HTTP.
 */
final class ReportBenchmark {
    /** Renders before measuring: the first ones load fonts and classes. */
    private static final int WARM_UP = 3;

    private final int renders;
    private final HealthModel.Bands bands;
    private final BenchProgress progress;

    ReportBenchmark(int renders, HealthModel.Bands bands, BenchProgress progress) {
        this.renders = renders;
        this.bands = bands;
        this.progress = progress;
    }

    /**
     * @param review the 12-month review PDF of one account manager's account, through the API
     * @param portfolio the same account manager's portfolio report PDF, through the API
     */
    Result run(BenchHttpClient http, BenchRequest review, BenchRequest portfolio) {
        ReportRenderer renderer = new ReportRenderer(bands);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        ReportPeriod year = ReportPeriod.ofDays(today.minusDays(364), today);
        AccountReview sampleReview = SampleReports.review("acme", "Acme Rockets", year);
        PortfolioReport samplePortfolio = SampleReports.portfolio(500, 17, year);
        return new Result(
                time(
                        "12-month review, rendered",
                        () -> renderer.render(sampleReview, ExportFormat.PDF).bytes()),
                time(
                        "500-account portfolio, rendered",
                        () -> renderer.render(samplePortfolio, ExportFormat.PDF).bytes()),
                time("12-month review, over the API", () -> pdf(http, review)),
                time("portfolio report, over the API", () -> pdf(http, portfolio)));
    }

    private LatencySummary time(String what, Supplier<byte[]> render) {
        Histogram micros = LatencySummary.newHistogram();
        for (int i = 0; i < WARM_UP + renders; i++) {
            long start = System.nanoTime();
            byte[] pdf = render.get();
            long took = TimeUnit.NANOSECONDS.toMicros(System.nanoTime() - start);
            if (!new String(pdf, 0, Math.min(4, pdf.length), StandardCharsets.US_ASCII)
                    .equals("%PDF")) {
                throw new IllegalStateException(what + " did not give a PDF");
            }
            if (i >= WARM_UP) {
                micros.recordValue(took);
            }
        }
        LatencySummary summary = LatencySummary.of(micros);
        progress.step(
                String.format(
                        Locale.ROOT,
                        "  %s: p50 %.0f ms, p99 %.0f ms over %d",
                        what,
                        summary.p50(),
                        summary.p99(),
                        renders));
        return summary;
    }

    private static byte[] pdf(BenchHttpClient http, BenchRequest request) {
        HttpResponse<Buffer> response;
        try {
            response =
                    http.get(request)
                            .toCompletionStage()
                            .toCompletableFuture()
                            .get(60, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("GET " + request.uri() + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during GET " + request.uri(), e);
        }
        if (response.statusCode() != 200
                || !RenderedReport.PDF.equals(response.getHeader("Content-Type"))) {
            throw new IllegalStateException(
                    "GET "
                            + request.uri()
                            + " answered "
                            + response.statusCode()
                            + ": "
                            + response.bodyAsString());
        }
        return response.body().getBytes();
    }

    /** Latencies of one report at a time, each over the run's number of renders. */
    record Result(
            LatencySummary review,
            LatencySummary portfolio,
            LatencySummary apiReview,
            LatencySummary apiPortfolio) {}
}
