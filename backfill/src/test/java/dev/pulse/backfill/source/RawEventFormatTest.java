package dev.pulse.backfill.source;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.file.src.reader.StreamFormat;
import org.apache.flink.core.fs.FSDataInputStream;
import org.junit.jupiter.api.Test;

/** Files into one JSON text per event. */
class RawEventFormatTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void csvRowsBecomeEventsNamedByTheHeaderWithPropertiesAsNumbers() throws Exception {
        String csv =
                """
                eventId,tenantId,userId,type,feature,timestamp,properties.score
                e-1,acme,u1,feature_used,"reports, monthly",2026-05-04T09:00:00Z,
                e-2,acme,u2,nps_response,,2026-05-04T10:00:00Z,9

                """;

        List<String> events = read(EventFileFormat.CSV, csv);

        assertThat(events).hasSize(2);
        JsonNode first = JSON.readTree(events.get(0));
        assertThat(first.path("feature").asText()).isEqualTo("reports, monthly");
        assertThat(first.has("properties")).isFalse();
        JsonNode second = JSON.readTree(events.get(1));
        assertThat(second.has("feature")).isFalse();
        assertThat(second.path("properties").path("score").isNumber()).isTrue();
        assertThat(second.path("properties").path("score").asInt()).isEqualTo(9);
    }

    @Test
    void ndjsonSkipsBlankLinesAndKeepsTheRestAsIs() throws Exception {
        List<String> events = read(EventFileFormat.NDJSON, "{\"a\":1}\n\n  \nnot json\n");

        assertThat(events).containsExactly("{\"a\":1}", "not json");
    }

    private static List<String> read(EventFileFormat format, String content) throws Exception {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        List<String> out = new ArrayList<>();
        try (StreamFormat.Reader<String> reader =
                new RawEventFormat(format).createReader(new Configuration(), stream(bytes))) {
            String next;
            while ((next = reader.read()) != null) {
                out.add(next);
            }
        }
        return out;
    }

    private static FSDataInputStream stream(byte[] bytes) {
        ByteArrayInputStream in = new ByteArrayInputStream(bytes);
        return new FSDataInputStream() {
            private long position;

            @Override
            public void seek(long desired) {
                throw new UnsupportedOperationException();
            }

            @Override
            public long getPos() {
                return position;
            }

            @Override
            public int read() {
                int b = in.read();
                if (b >= 0) {
                    position++;
                }
                return b;
            }
        };
    }
}
