package dev.pulse.app.backtest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.pulse.app.portfolio.HolidayPeriod;
import dev.pulse.topologies.account.Account;
import dev.pulse.topologies.account.AccountParser;
import dev.pulse.topologies.event.UsageEventParser;
import dev.pulse.topologies.json.InvalidRecordException;
import dev.pulse.topologies.json.PulseJson;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;

/**
 * A history to backtest: daily engagement, the account directory with outcomes, and the holiday
 * periods where the history is labelled with them.
 *
 * @param description one line on where it came from
 * @param rejected events or accounts that failed validation and were left out
 */
public record BacktestInput(
        String description,
        DailyEngagement engagement,
        Map<String, Account> accounts,
        List<HolidayPeriod> holidays,
        long rejected) {

    private static final ObjectMapper JSON = PulseJson.mapper();

    /**
     * Reads events (NDJSON, or a JSON array) and accounts (NDJSON, a JSON array, or CSV with a
     * header row, by the {@code .csv} suffix), the formats {@code POST /v1/events} and {@code POST
     * /v1/accounts} take. Invalid records are counted and left out, as the API would reject them.
     *
     * @param progress told the number of events read so far, every 100,000
     */
    public static BacktestInput fromFiles(
            Path events, Path accounts, List<HolidayPeriod> holidays, LongConsumer progress)
            throws IOException {
        DailyEngagement engagement = new DailyEngagement();
        long[] rejected = {0};
        long[] read = {0};
        Instant now = Instant.now();
        forEachJson(
                events,
                node -> {
                    try {
                        engagement.add(UsageEventParser.parse(node, now));
                    } catch (InvalidRecordException e) {
                        rejected[0]++;
                    }
                    if (++read[0] % 100_000 == 0) {
                        progress.accept(read[0]);
                    }
                });
        Map<String, Account> directory = new LinkedHashMap<>();
        for (JsonNode node : accountNodes(accounts)) {
            try {
                Account account = AccountParser.parse(node);
                directory.put(account.tenantId(), account);
            } catch (InvalidRecordException e) {
                rejected[0]++;
            }
        }
        return new BacktestInput(
                events.getFileName() + " + " + accounts.getFileName(),
                engagement,
                directory,
                holidays,
                rejected[0]);
    }

    /** Holiday periods from a {@code scenario.json} written by {@code pulse generate}. */
    public static List<HolidayPeriod> holidaysFrom(Path scenario) throws IOException {
        List<HolidayPeriod> holidays = new ArrayList<>();
        JsonNode root = JSON.readTree(scenario.toFile());
        for (JsonNode period : root.path("holidays")) {
            holidays.add(
                    new HolidayPeriod(
                            LocalDate.parse(period.path("from").asText()),
                            LocalDate.parse(period.path("to").asText()),
                            period.path("factor").asDouble(1)));
        }
        return holidays;
    }

    private interface NodeSink {
        void accept(JsonNode node);
    }

    /** Every JSON object of an NDJSON file or a JSON array file, streamed. */
    private static void forEachJson(Path file, NodeSink sink) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            int first = firstNonBlank(file);
            if (first == '[') {
                try (JsonParser parser = JSON.getFactory().createParser(in)) {
                    if (parser.nextToken() != JsonToken.START_ARRAY) {
                        throw new IOException(file + " is not a JSON array");
                    }
                    while (parser.nextToken() == JsonToken.START_OBJECT) {
                        sink.accept(JSON.readTree(parser));
                    }
                }
                return;
            }
        }
        try (BufferedReader lines = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int number = 0;
            while ((line = lines.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                try {
                    sink.accept(JSON.readTree(line));
                } catch (IOException e) {
                    throw new IOException(file + " line " + number + " is not JSON", e);
                }
            }
        }
    }

    private static int firstNonBlank(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            int c;
            while ((c = in.read()) != -1) {
                if (!Character.isWhitespace(c)) {
                    return c;
                }
            }
            return -1;
        }
    }

    private static List<JsonNode> accountNodes(Path file) throws IOException {
        List<JsonNode> nodes = new ArrayList<>();
        if (file.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".csv")) {
            CsvMapper csv = new CsvMapper();
            try (MappingIterator<Map<String, String>> rows =
                    csv.readerForMapOf(String.class)
                            .with(CsvSchema.emptySchema().withHeader())
                            .readValues(file.toFile())) {
                while (rows.hasNext()) {
                    Map<String, String> row = new LinkedHashMap<>(rows.next());
                    row.values().removeIf(value -> value == null || value.isBlank());
                    nodes.add(JSON.valueToTree(row));
                }
            }
            return nodes;
        }
        forEachJson(file, nodes::add);
        return nodes;
    }
}
