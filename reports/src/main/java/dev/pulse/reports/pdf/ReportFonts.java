package dev.pulse.reports.pdf;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * DejaVu Sans (regular and bold), shipped in this jar with its licence ({@code
 * fonts/DEJAVU-LICENSE.txt}) so a report looks the same on every machine. The files are read once;
 * each document embeds the subset it uses, so its text is selectable and searchable.
 */
final class ReportFonts {
    private static final byte[] REGULAR = read("DejaVuSans.ttf");
    private static final byte[] BOLD = read("DejaVuSans-Bold.ttf");

    final PDType0Font regular;
    final PDType0Font bold;

    private ReportFonts(PDType0Font regular, PDType0Font bold) {
        this.regular = regular;
        this.bold = bold;
    }

    static ReportFonts embedIn(PDDocument document) throws IOException {
        return new ReportFonts(
                PDType0Font.load(document, new ByteArrayInputStream(REGULAR)),
                PDType0Font.load(document, new ByteArrayInputStream(BOLD)));
    }

    private static byte[] read(String file) {
        try (InputStream in =
                ReportFonts.class.getResourceAsStream("/dev/pulse/reports/fonts/" + file)) {
            if (in == null) {
                throw new IllegalStateException("font " + file + " is missing from the jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
