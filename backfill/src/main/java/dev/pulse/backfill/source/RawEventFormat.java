package dev.pulse.backfill.source;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.file.src.reader.SimpleStreamFormat;
import org.apache.flink.core.fs.FSDataInputStream;

/**
 * Reads a file of raw events into one JSON text per event. Files are read whole by one reader (not
 * split), so a CSV file's header is always seen before its rows.
 */
final class RawEventFormat extends SimpleStreamFormat<String> {
    private static final long serialVersionUID = 1L;
    private static final String PROPERTY_PREFIX = "properties.";

    private final EventFileFormat format;

    RawEventFormat(EventFileFormat format) {
        this.format = format;
    }

    @Override
    public Reader<String> createReader(Configuration config, FSDataInputStream stream)
            throws IOException {
        BufferedReader lines =
                new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8), 1 << 16);
        return format == EventFileFormat.CSV ? new CsvReader(lines) : new NdjsonReader(lines);
    }

    @Override
    public TypeInformation<String> getProducedType() {
        return Types.STRING;
    }

    /** Non-blank lines as they are; a malformed one is rejected later, by the parser. */
    private static final class NdjsonReader implements Reader<String> {
        private final BufferedReader lines;

        NdjsonReader(BufferedReader lines) {
            this.lines = lines;
        }

        @Override
        public String read() throws IOException {
            String line;
            while ((line = lines.readLine()) != null) {
                if (!line.isBlank()) {
                    return line;
                }
            }
            return null;
        }

        @Override
        public void close() throws IOException {
            lines.close();
        }
    }

    /** Rows as JSON objects named by the header; values stay text, as a JSON client would send. */
    private static final class CsvReader implements Reader<String> {
        private final CSVParser parser;
        private final Iterator<CSVRecord> rows;
        private final List<String> columns;

        CsvReader(BufferedReader lines) throws IOException {
            this.parser =
                    CSVFormat.RFC4180
                            .builder()
                            .setHeader()
                            .setSkipHeaderRecord(true)
                            .setIgnoreEmptyLines(true)
                            .setTrim(true)
                            .get()
                            .parse(lines);
            this.rows = parser.iterator();
            this.columns = parser.getHeaderNames();
        }

        @Override
        public String read() {
            if (!rows.hasNext()) {
                return null;
            }
            CSVRecord row = rows.next();
            ObjectNode event = JsonNodeFactory.instance.objectNode();
            for (int i = 0; i < columns.size() && i < row.size(); i++) {
                String value = row.get(i);
                if (value.isEmpty()) {
                    continue;
                }
                String column = columns.get(i);
                if (column.startsWith(PROPERTY_PREFIX)) {
                    ObjectNode properties =
                            event.has("properties")
                                    ? (ObjectNode) event.get("properties")
                                    : event.putObject("properties");
                    putProperty(properties, column.substring(PROPERTY_PREFIX.length()), value);
                } else {
                    event.put(column, value);
                }
            }
            return event.toString();
        }

        /** Numbers stay numbers ({@code properties.score} of an NPS answer is read as one). */
        private static void putProperty(ObjectNode properties, String name, String value) {
            try {
                properties.put(name, Long.parseLong(value));
            } catch (NumberFormatException notWhole) {
                properties.put(name, value);
            }
        }

        @Override
        public void close() throws IOException {
            parser.close();
        }
    }
}
