package dev.pulse.reports;

import dev.pulse.access.reports.AccountReview;
import dev.pulse.access.reports.ExportFormat;
import dev.pulse.access.reports.PortfolioReport;
import dev.pulse.access.reports.ReportPeriod;
import dev.pulse.reports.csv.CsvFiles;
import dev.pulse.reports.csv.CsvTable;
import dev.pulse.reports.csv.ReportTables;
import dev.pulse.reports.pdf.AccountReviewPdf;
import dev.pulse.reports.pdf.PortfolioReportPdf;
import dev.pulse.topologies.health.HealthModel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;

/**
 * Turns report data into a file: PDF, or CSV (one table as a {@code .csv}, several as a {@code
 * .zip} of them). Blocking and CPU-bound: call it off any event loop. Thread-safe.
 */
public final class ReportRenderer {
    private final AccountReviewPdf reviewPdf;
    private final PortfolioReportPdf portfolioPdf = new PortfolioReportPdf();

    /**
     * @param bands the health model's band lines, drawn as zones on the score chart
     */
    public ReportRenderer(HealthModel.Bands bands) {
        this.reviewPdf = new AccountReviewPdf(bands);
    }

    public RenderedReport render(AccountReview review, ExportFormat format) {
        String base = "review-" + slug(review.tenantId()) + "-" + dates(review.period());
        return format == ExportFormat.PDF
                ? new RenderedReport(
                        base + ".pdf", RenderedReport.PDF, pdf(() -> reviewPdf.render(review)))
                : csv(base, ReportTables.of(review));
    }

    public RenderedReport render(PortfolioReport report, ExportFormat format) {
        String who =
                report.selection().owner() != null
                        ? slug(report.selection().owner())
                        : report.selection().team() != null
                                ? "team-" + slug(report.selection().team())
                                : "all";
        String base = "portfolio-" + who + "-" + dates(report.period());
        return format == ExportFormat.PDF
                ? new RenderedReport(
                        base + ".pdf", RenderedReport.PDF, pdf(() -> portfolioPdf.render(report)))
                : csv(base, ReportTables.of(report));
    }

    private static RenderedReport csv(String base, List<CsvTable> tables) {
        return tables.size() == 1
                ? new RenderedReport(base + ".csv", RenderedReport.CSV, CsvFiles.csv(tables.get(0)))
                : new RenderedReport(base + ".zip", RenderedReport.ZIP, CsvFiles.zip(tables));
    }

    /** A file-name-safe form: letters, digits, dots and dashes. */
    static String slug(String text) {
        String slug = text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9.-]+", "-");
        return slug.isEmpty() ? "report" : slug;
    }

    private static String dates(ReportPeriod period) {
        return period.firstDay() + "-to-" + period.lastDay();
    }

    private interface PdfWork {
        byte[] render() throws IOException;
    }

    private static byte[] pdf(PdfWork work) {
        try {
            return work.render();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot render the PDF", e);
        }
    }
}
