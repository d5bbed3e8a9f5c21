package dev.pulse.api.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pulse.api.http.ProblemException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonRecordsReaderTest {
    private static List<BodyRecord> read(String body, boolean ndjson) {
        return JsonRecordsReader.read(body.getBytes(StandardCharsets.UTF_8), ndjson, 100);
    }

    private static String raw(BodyRecord record) {
        return new String(record.raw(), StandardCharsets.UTF_8);
    }

    @Test
    void splitsArrayKeepingEachObjectsExactBytes() {
        String first = "{\"eventId\":\"a\", \"n\": 1.50, \"x\":{\"y\":[1,2]}}";
        String second = "{\"eventId\":\"é\"}";
        List<BodyRecord> records = read(" [\n" + first + " ,\n\t" + second + "]\n", false);
        assertThat(records).hasSize(2);
        assertThat(raw(records.get(0))).isEqualTo(first);
        assertThat(raw(records.get(1))).isEqualTo(second);
        assertThat(records.get(1).index()).isEqualTo(1);
        assertThat(records.get(0).node().path("x").path("y").get(1).asInt()).isEqualTo(2);
    }

    @Test
    void keepsNonObjectArrayElementsForRejection() {
        List<BodyRecord> records = read("[1, \"two\", null, {\"a\":1}]", false);
        assertThat(records).hasSize(4);
        assertThat(records.get(0).raw()).isNull();
        assertThat(records.get(0).node().isNumber()).isTrue();
        assertThat(raw(records.get(3))).isEqualTo("{\"a\":1}");
    }

    @Test
    void readsSingleObject() {
        List<BodyRecord> records = read("\n {\"a\":1}\n", false);
        assertThat(records).hasSize(1);
        assertThat(raw(records.get(0))).isEqualTo("{\"a\":1}");
    }

    @Test
    void readsNdjsonRejectingOnlyBadLines() {
        List<BodyRecord> records =
                read("{\"a\":1}\r\n\n{broken\n{\"a\":3} {\"a\":4}\n{\"a\":5}", true);
        assertThat(records).hasSize(4);
        assertThat(raw(records.get(0))).isEqualTo("{\"a\":1}");
        assertThat(records.get(1).error()).startsWith("line 3 is not valid JSON");
        assertThat(records.get(2).error()).contains("line 4 holds more than one JSON value");
        assertThat(records.get(3).node().path("a").asInt()).isEqualTo(5);
    }

    @Test
    void detectsNdjsonWhenAnObjectIsFollowedByMoreLines() {
        List<BodyRecord> records = read("{\"a\":1}\n{\"a\":2}\n", false);
        assertThat(records).extracting(r -> r.node().path("a").asInt()).containsExactly(1, 2);
    }

    @Test
    void skipsUtf8ByteOrderMark() {
        byte[] body = "\uFEFF[{\"a\":1}]".getBytes(StandardCharsets.UTF_8);
        List<BodyRecord> records = JsonRecordsReader.read(body, false, 10);
        assertThat(new String(records.get(0).raw(), StandardCharsets.UTF_8)).isEqualTo("{\"a\":1}");
    }

    @Test
    void rejectsBodyThatIsNotJson() {
        for (String body :
                new String[] {"", "  ", "hello", "[{\"a\":1},", "[1] 2", "{\"a\":", "x\ny"}) {
            assertThatThrownBy(() -> read(body, false))
                    .as(body)
                    .isInstanceOfSatisfying(
                            ProblemException.class, p -> assertThat(p.status()).isEqualTo(400));
        }
        assertThatThrownBy(() -> read("nope\nnever", true)).hasMessageContaining("not valid JSON");
    }

    @Test
    void rejectsMoreRecordsThanTheLimit() {
        assertThatThrownBy(
                        () ->
                                JsonRecordsReader.read(
                                        "[{},{},{}]".getBytes(StandardCharsets.UTF_8), false, 2))
                .isInstanceOfSatisfying(
                        ProblemException.class, p -> assertThat(p.status()).isEqualTo(413));
        assertThatThrownBy(
                        () ->
                                JsonRecordsReader.read(
                                        "{}\n{}\n{}".getBytes(StandardCharsets.UTF_8), true, 2))
                .isInstanceOfSatisfying(
                        ProblemException.class, p -> assertThat(p.status()).isEqualTo(413));
        assertThat(JsonRecordsReader.read("[{},{}]".getBytes(StandardCharsets.UTF_8), false, 2))
                .hasSize(2);
    }
}
