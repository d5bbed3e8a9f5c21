package dev.pulse.reports.pdf;

import de.rototor.pdfbox.graphics2d.PdfBoxGraphics2D;
import java.awt.Color;
import java.awt.geom.Rectangle2D;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.util.Matrix;
import org.jfree.chart.JFreeChart;

/**
 * Lays content out top to bottom over as many A4 pages as it needs: headings, wrapped paragraphs,
 * tables that continue on the next page with their header row repeated, and charts drawn as vector
 * graphics. {@link #finish} numbers the pages ("page 2 of 5") and returns the file.
 */
final class PageFlow implements AutoCloseable {
    static final float MARGIN = 50;
    private static final PDRectangle SIZE = PDRectangle.A4;
    private static final float WIDTH = SIZE.getWidth() - 2 * MARGIN;
    private static final float BOTTOM = MARGIN + 20;
    private static final float BODY = 9.5f;
    private static final float CELL = 8f;
    private static final float CELL_PAD = 3f;
    private static final Color RULE = new Color(0xC8CDD3);
    private static final Color HEADER_FILL = new Color(0xE8ECF0);

    private final PDDocument document = new PDDocument();
    private final ReportFonts fonts;
    private final TextFit fit;
    private final String footer;
    private PDPageContentStream content;
    private float y;

    /**
     * @param footer the text at the foot of every page, beside the page number
     */
    PageFlow(String title, String footer) throws IOException {
        this.fonts = ReportFonts.embedIn(document);
        this.fit = new TextFit(fonts.regular);
        this.footer = footer;
        document.getDocumentInformation().setTitle(title);
        document.getDocumentInformation().setCreator("Pulse");
        newPage();
    }

    void title(String text, String subtitle) throws IOException {
        line(fonts.bold, 20, text, 0);
        y -= 6;
        line(fonts.regular, 11, subtitle, 0);
        y -= 10;
        rule();
    }

    void heading(String text) throws IOException {
        ensure(40);
        y -= 8;
        line(fonts.bold, 13, text, 0);
        y -= 2;
    }

    void paragraph(String text) throws IOException {
        for (String l : fit.wrap(text, BODY, WIDTH)) {
            ensure(BODY * 1.4f);
            line(fonts.regular, BODY, l, 0);
        }
        y -= 4;
    }

    /** Label and value pairs, two columns. */
    void facts(List<String[]> facts) throws IOException {
        for (String[] fact : facts) {
            ensure(BODY * 1.5f);
            text(fonts.bold, BODY, fact[0], MARGIN, y - BODY);
            text(fonts.regular, BODY, fit.clip(fact[1], BODY, WIDTH - 150), MARGIN + 150, y - BODY);
            y -= BODY * 1.5f;
        }
        y -= 4;
    }

    /** A table; rows wrap within their cells, and a page break repeats the header row. */
    void table(List<Column> columns, List<List<String>> rows) throws IOException {
        float total = 0;
        for (Column c : columns) {
            total += c.weight();
        }
        float[] widths = new float[columns.size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = WIDTH * columns.get(i).weight() / total;
        }
        List<String> headings = columns.stream().map(Column::heading).toList();
        tableRow(columns, widths, headings, true);
        for (List<String> row : rows) {
            float height = rowHeight(widths, row);
            if (y - height < BOTTOM) {
                newPage();
                tableRow(columns, widths, headings, true);
            }
            tableRow(columns, widths, row, false);
        }
        y -= 8;
    }

    /** A chart across the page's width, {@code height} points tall, as vector graphics. */
    void chart(JFreeChart chart, float height) throws IOException {
        ensure(height + 6);
        PdfBoxGraphics2D graphics = new PdfBoxGraphics2D(document, WIDTH, height);
        try {
            chart.draw(graphics, new Rectangle2D.Double(0, 0, WIDTH, height));
        } finally {
            graphics.dispose();
        }
        PDFormXObject form = graphics.getXFormObject();
        content.saveGraphicsState();
        content.transform(Matrix.getTranslateInstance(MARGIN, y - height));
        content.drawForm(form);
        content.restoreGraphicsState();
        y -= height + 6;
    }

    /** Numbers the pages and returns the PDF. */
    byte[] finish() throws IOException {
        content.close();
        content = null;
        int pages = document.getNumberOfPages();
        for (int i = 0; i < pages; i++) {
            PDPage page = document.getPage(i);
            try (PDPageContentStream foot =
                    new PDPageContentStream(
                            document, page, PDPageContentStream.AppendMode.APPEND, true, true)) {
                String number = "Page " + (i + 1) + " of " + pages;
                float size = 8;
                foot.setNonStrokingColor(Color.GRAY);
                write(
                        foot,
                        fonts.regular,
                        size,
                        fit.clip(footer, size, WIDTH - 80),
                        MARGIN,
                        MARGIN);
                float w = fonts.regular.getStringWidth(number) / 1000 * size;
                write(foot, fonts.regular, size, number, MARGIN + WIDTH - w, MARGIN);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        document.save(out);
        return out.toByteArray();
    }

    @Override
    public void close() throws IOException {
        if (content != null) {
            content.close();
        }
        document.close();
    }

    private void tableRow(List<Column> columns, float[] widths, List<String> cells, boolean header)
            throws IOException {
        PDType0Font font = header ? fonts.bold : fonts.regular;
        List<List<String>> lines = new ArrayList<>(cells.size());
        int most = 1;
        for (int i = 0; i < cells.size(); i++) {
            List<String> wrapped = fit.wrap(cells.get(i), CELL, widths[i] - 2 * CELL_PAD);
            lines.add(wrapped);
            most = Math.max(most, wrapped.size());
        }
        float height = most * CELL * 1.3f + 2 * CELL_PAD;
        if (header) {
            ensure(height * 3);
            content.setNonStrokingColor(HEADER_FILL);
            content.addRect(MARGIN, y - height, WIDTH, height);
            content.fill();
            content.setNonStrokingColor(Color.BLACK);
        }
        float x = MARGIN;
        for (int i = 0; i < lines.size(); i++) {
            float lineY = y - CELL_PAD - CELL;
            for (String l : lines.get(i)) {
                float left = x + CELL_PAD;
                if (columns.get(i).right()) {
                    left = x + widths[i] - CELL_PAD - font.getStringWidth(l) / 1000 * CELL;
                }
                text(font, CELL, l, left, lineY);
                lineY -= CELL * 1.3f;
            }
            x += widths[i];
        }
        y -= height;
        content.setStrokingColor(RULE);
        content.setLineWidth(0.4f);
        content.moveTo(MARGIN, y);
        content.lineTo(MARGIN + WIDTH, y);
        content.stroke();
    }

    private float rowHeight(float[] widths, List<String> row) throws IOException {
        int most = 1;
        for (int i = 0; i < row.size(); i++) {
            most = Math.max(most, fit.wrap(row.get(i), CELL, widths[i] - 2 * CELL_PAD).size());
        }
        return most * CELL * 1.3f + 2 * CELL_PAD;
    }

    private void rule() throws IOException {
        content.setStrokingColor(RULE);
        content.setLineWidth(0.8f);
        content.moveTo(MARGIN, y);
        content.lineTo(MARGIN + WIDTH, y);
        content.stroke();
        y -= 8;
    }

    private void line(PDType0Font font, float size, String text, float indent) throws IOException {
        ensure(size * 1.4f);
        text(font, size, fit.clip(text, size, WIDTH - indent), MARGIN + indent, y - size);
        y -= size * 1.4f;
    }

    private void text(PDType0Font font, float size, String text, float x, float baseline)
            throws IOException {
        write(content, font, size, text, x, baseline);
    }

    private static void write(
            PDPageContentStream stream, PDType0Font font, float size, String text, float x, float y)
            throws IOException {
        if (text.isEmpty()) {
            return;
        }
        stream.beginText();
        stream.setFont(font, size);
        stream.newLineAtOffset(x, y);
        stream.showText(text);
        stream.endText();
    }

    private void ensure(float height) throws IOException {
        if (y - height < BOTTOM) {
            newPage();
        }
    }

    private void newPage() throws IOException {
        if (content != null) {
            content.close();
        }
        PDPage page = new PDPage(SIZE);
        document.addPage(page);
        content = new PDPageContentStream(document, page);
        y = SIZE.getHeight() - MARGIN;
    }
}
