package dev.pulse.reports.csv;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes tables as CSV: RFC 4180 (CRLF, quotes where needed), UTF-8 without a byte-order mark, a
 * header row, every cell through {@link CsvCells}. One table is one file; several are one zip with
 * a file per table.
 */
public final class CsvFiles {
    private static final CSVFormat FORMAT = CSVFormat.RFC4180;

    private CsvFiles() {}

    /** One table as a CSV file. */
    public static byte[] csv(CsvTable table) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8)) {
            write(table, writer);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Several tables as a zip of CSV files, in the order given. */
    public static byte[] zip(List<CsvTable> tables) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
            for (CsvTable table : tables) {
                zip.putNextEntry(new ZipEntry(table.name()));
                zip.write(csv(table));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void write(CsvTable table, Writer writer) throws IOException {
        CSVPrinter printer = new CSVPrinter(writer, FORMAT);
        printer.printRecord(table.header().stream().map(CsvCells::neutralise).toList());
        for (List<Object> row : table.rows()) {
            printer.printRecord(row.stream().map(CsvCells::cell).toList());
        }
        printer.flush();
    }
}
