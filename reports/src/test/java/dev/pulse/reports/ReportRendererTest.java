package dev.pulse.reports;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pulse.access.reports.AccountReview;
import dev.pulse.access.reports.ExportFormat;
import dev.pulse.access.reports.PortfolioReport;
import dev.pulse.access.reports.ReportPeriod;
import dev.pulse.reports.sample.SampleReports;
import dev.pulse.topologies.health.HealthModel;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

class ReportRendererTest {
    static final ReportPeriod YEAR =
            ReportPeriod.ofDays(LocalDate.of(2025, 7, 1), LocalDate.of(2026, 6, 30));
    static final ReportRenderer RENDERER = new ReportRenderer(new HealthModel.Bands(70, 40));

    @Test
    void accountReviewShowsNamePeriodScoreAndTopMoversAsText() throws IOException {
        AccountReview review = SampleReports.review("acme", "Acme Rockets", YEAR);

        RenderedReport pdf = RENDERER.render(review, ExportFormat.PDF);

        assertThat(pdf.fileName()).isEqualTo("review-acme-2025-07-01-to-2026-06-30.pdf");
        try (PDDocument document = Loader.loadPDF(pdf.bytes())) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text)
                    .contains("Acme Rockets")
                    .contains("2025-07-01 to 2026-06-30")
                    .contains(
                            String.format(java.util.Locale.ROOT, "%.1f", review.current().score()))
                    .contains(review.contributions().get(0).label())
                    .contains(review.contributions().get(1).label());
            assertThat(document.getNumberOfPages()).isBetween(3, 8);
            assertThat(text).contains("Page 1 of " + document.getNumberOfPages());
            assertThat(fonts(document)).isNotEmpty().allMatch(PDFont::isEmbedded);
        }
    }

    @Test
    void portfolioOf500AccountsBreaksTablesAcrossPagesWithTheHeaderRepeated() throws IOException {
        PortfolioReport report = SampleReports.portfolio(500, 8, YEAR);

        RenderedReport pdf = RENDERER.render(report, ExportFormat.PDF);

        try (PDDocument document = Loader.loadPDF(pdf.bytes())) {
            assertThat(document.getNumberOfPages()).isBetween(12, 40);
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setStartPage(document.getNumberOfPages());
            stripper.setEndPage(document.getNumberOfPages());
            String lastPage = stripper.getText(document);
            assertThat(lastPage).contains("Account").contains("Owner").contains("Renewal");
            assertThat(fonts(document)).allMatch(PDFont::isEmbedded);
        }
    }

    @Test
    void firstPagesRenderToImagesThatAreNotBlank() throws IOException {
        // docs/reports.md shows these pages: written into docs/img when run from the repository
        Path docs = Path.of("..", "docs", "img");
        Path images =
                Files.isDirectory(docs)
                        ? docs
                        : Files.createDirectories(Path.of("target", "report-images"));
        render(
                RENDERER.render(
                        SampleReports.review("acme", "Acme Rockets", YEAR), ExportFormat.PDF),
                images.resolve("report-account-review"));
        render(
                RENDERER.render(SampleReports.portfolio(60, 4, YEAR), ExportFormat.PDF),
                images.resolve("report-portfolio"));
    }

    private static void render(RenderedReport pdf, Path prefix) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf.bytes())) {
            PDFRenderer renderer = new PDFRenderer(document);
            for (int page = 0; page < 2; page++) {
                BufferedImage image = renderer.renderImageWithDPI(page, 80);
                assertThat(inkShare(image)).as("page %d", page + 1).isGreaterThan(0.01);
                ImageIO.write(image, "png", Path.of(prefix + "-" + (page + 1) + ".png").toFile());
            }
        }
    }

    /** The share of pixels that are not white. */
    private static double inkShare(BufferedImage image) {
        long ink = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if ((image.getRGB(x, y) & 0xFFFFFF) != 0xFFFFFF) {
                    ink++;
                }
            }
        }
        return (double) ink / ((long) image.getWidth() * image.getHeight());
    }

    private static List<PDFont> fonts(PDDocument document) throws IOException {
        List<PDFont> fonts = new ArrayList<>();
        for (PDPage page : document.getPages()) {
            for (var name : page.getResources().getFontNames()) {
                fonts.add(page.getResources().getFont(name));
            }
        }
        return fonts;
    }

    @Test
    void csvOfAReviewIsAZipOfTablesWhoseRowsParseBack() throws IOException {
        RenderedReport csv =
                RENDERER.render(
                        SampleReports.review("acme", "Acme Rockets", YEAR), ExportFormat.CSV);
        assertThat(csv.mediaType()).isEqualTo(RenderedReport.ZIP);
        assertThat(csv.fileName()).endsWith(".zip");
        try (var zip = new java.util.zip.ZipInputStream(new ByteArrayInputStream(csv.bytes()))) {
            List<String> names = new ArrayList<>();
            for (var entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                names.add(entry.getName());
            }
            assertThat(names)
                    .contains("account.csv", "score-history.csv", "usage.csv", "contributions.csv");
        }
    }
}
