package dev.pulse.api.ingest;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.pulse.api.http.ProblemException;
import dev.pulse.topologies.json.PulseJson;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a CSV body with a header row into one JSON object per row, so CSV rows go through the same
 * validation as JSON records.
 *
 * <p>Header names are matched loosely ({@code Tenant ID}, {@code tenant_id} and {@code tenantId}
 * are one column); empty cells are left out, so an optional column may be blank. A header without a
 * required column, or a row that is not CSV, is a 400 for the whole body.
 */
final class CsvRecordsReader {
    private static final CsvMapper CSV =
            CsvMapper.builder()
                    .enable(CsvParser.Feature.TRIM_SPACES)
                    .enable(CsvParser.Feature.SKIP_EMPTY_LINES)
                    .build();

    private final Map<String, String> columnsByKey = new LinkedHashMap<>();
    private final List<String> requiredColumns;

    /**
     * @param columns the canonical column names, in the documented order
     * @param requiredColumns the columns a header must have
     */
    CsvRecordsReader(List<String> columns, List<String> requiredColumns) {
        for (String column : columns) {
            columnsByKey.put(key(column), column);
        }
        this.requiredColumns = requiredColumns;
    }

    List<BodyRecord> read(byte[] body, int maxRecords) {
        byte[] bytes = JsonRecordsReader.withoutBom(body);
        CsvSchema schema = CsvSchema.emptySchema().withHeader();
        List<BodyRecord> records = new ArrayList<>();
        try (MappingIterator<JsonNode> rows =
                CSV.readerFor(JsonNode.class).with(schema).readValues(bytes)) {
            boolean more = rows.hasNextValue();
            checkHeader(((CsvParser) rows.getParser()).getSchema());
            while (more) {
                if (records.size() == maxRecords) {
                    throw JsonRecordsReader.tooMany(maxRecords);
                }
                records.add(BodyRecord.parsed(records.size(), canonical(rows.nextValue()), null));
                more = rows.hasNextValue();
            }
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw ProblemException.badRequest(
                    "the request body is not valid CSV"
                            + (at == null ? "" : " at line " + at.getLineNr())
                            + ": "
                            + e.getOriginalMessage());
        } catch (IOException e) {
            throw ProblemException.badRequest("the request body is not valid CSV");
        }
        return records;
    }

    private void checkHeader(CsvSchema header) {
        List<String> present = new ArrayList<>();
        for (Iterator<CsvSchema.Column> it = header.iterator(); it.hasNext(); ) {
            present.add(canonicalName(it.next().getName()));
        }
        List<String> missing =
                requiredColumns.stream().filter(column -> !present.contains(column)).toList();
        if (!missing.isEmpty()) {
            throw ProblemException.badRequest(
                    "the CSV header row lacks the column(s) "
                            + String.join(", ", missing)
                            + "; expected a header row with "
                            + String.join(",", columnsByKey.values()));
        }
    }

    private ObjectNode canonical(JsonNode row) {
        ObjectNode record = PulseJson.mapper().createObjectNode();
        row.properties()
                .forEach(
                        cell -> {
                            String text = cell.getValue().asText("");
                            if (!text.isBlank()) {
                                record.put(canonicalName(cell.getKey()), text);
                            }
                        });
        return record;
    }

    private String canonicalName(String header) {
        return columnsByKey.getOrDefault(key(header), header.strip());
    }

    private static String key(String name) {
        return name.replaceAll("[^A-Za-z0-9]", "").toLowerCase(Locale.ROOT);
    }
}
