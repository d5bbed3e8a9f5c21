package dev.pulse.topologies.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pulse.topologies.json.InvalidRecordException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UsageEventParserTest {
    private static final Instant NOW = Instant.parse("2026-11-20T12:00:00Z");

    @Test
    void parsesAValidEventAndIgnoresUnknownFields() {
        UsageEvent event =
                parse(
                        "{\"eventId\":\"e1\",\"tenantId\":\"acme\",\"userId\":\"u1\",\"type\":\"feature_used\","
                            + "\"feature\":\"reports\",\"timestamp\":\"2026-11-20T10:00:00+01:00\","
                            + "\"sdkVersion\":\"4.2\"}");
        assertThat(event.tenantId()).isEqualTo("acme");
        assertThat(event.timestamp()).isEqualTo(Instant.parse("2026-11-20T09:00:00Z"));
        assertThat(event.feature()).isEqualTo("reports");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "[1,2] | not_an_object | expected a JSON object",
                "{\"tenantId\":\"a\",\"userId\":\"u\",\"type\":\"login\",\"timestamp\":\"2026-11-20T10:00:00Z\"}"
                    + " | missing_field | 'eventId' is required",
                "{\"eventId\":\"e\",\"tenantId\":\"a"
                    + " b\",\"userId\":\"u\",\"type\":\"login\",\"timestamp\":\"2026-11-20T10:00:00Z\"}"
                    + " | invalid_field | not a valid tenant id",
                "{\"eventId\":\"e\",\"tenantId\":\"a\",\"userId\":\"u\",\"type\":\"Login\",\"timestamp\":\"2026-11-20T10:00:00Z\"}"
                    + " | invalid_field | lower_snake_case",
                "{\"eventId\":\"e\",\"tenantId\":\"a\",\"userId\":\"u\",\"type\":\"feature_used\",\"timestamp\":\"2026-11-20T10:00:00Z\"}"
                    + " | missing_field | 'feature' is required",
                "{\"eventId\":\"e\",\"tenantId\":\"a\",\"userId\":\"u\",\"type\":\"login\",\"timestamp\":\"yesterday\"}"
                    + " | invalid_field | not an ISO-8601 timestamp",
                "{\"eventId\":\"e\",\"tenantId\":\"a\",\"userId\":\"u\",\"type\":\"login\",\"timestamp\":\"2026-11-21T10:00:00Z\"}"
                    + " | future_timestamp | in the future",
                "{\"eventId\":\"e\",\"tenantId\":\"a\",\"userId\":\"u\",\"type\":\"nps_response\",\"timestamp\":\"2026-11-20T10:00:00Z\",\"properties\":{\"score\":11}}"
                    + " | invalid_field | from 0 to 10",
                "{\"eventId\":\"e\",\"tenantId\":\"a\",\"userId\":7,\"type\":\"login\",\"timestamp\":\"2026-11-20T10:00:00Z\"}"
                    + " | invalid_field | 'userId' must be a string",
                "{oops | malformed_json | not valid JSON",
            })
    void rejectsWithACodeAndAMessageThatNamesTheProblem(String json, String code, String message) {
        assertThatThrownBy(() -> parse(json))
                .isInstanceOf(InvalidRecordException.class)
                .hasMessageContaining(message)
                .extracting(e -> ((InvalidRecordException) e).code())
                .isEqualTo(code);
    }

    @Property
    void neverFailsWithAnythingButAClearRejection(@ForAll String text) {
        try {
            parse(text);
        } catch (InvalidRecordException e) {
            assertThat(e.getMessage()).isNotBlank();
            assertThat(e.code()).isNotBlank();
        }
    }

    @Property
    void readingFirstAndCheckingTheClockLaterDecidesAsParsingDoes(@ForAll String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        assertSameOutcome(bytes);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "{\"eventId\":\"e\",\"tenantId\":\"a\",\"userId\":\"u\",\"type\":\"login\",\"timestamp\":\"2026-11-20T10:00:00Z\"}",
                "{\"eventId\":\"e\",\"tenantId\":\"a\",\"userId\":\"u\",\"type\":\"login\",\"timestamp\":\"2026-11-21T10:00:00Z\"}",
                "{\"eventId\":\"e\",\"tenantId\":\"a\",\"userId\":\"u\",\"type\":\"nps_response\",\"timestamp\":\"2026-11-21T10:00:00Z\",\"properties\":{\"score\":11}}",
                "{\"eventId\":\"e\",\"tenantId\":\"a\",\"userId\":\"u\",\"type\":\"nps_response\",\"timestamp\":\"2026-11-20T10:00:00Z\",\"properties\":{\"score\":11}}",
                "{\"tenantId\":\"a\",\"userId\":\"u\",\"type\":\"login\",\"timestamp\":\"2026-11-21T10:00:00Z\"}",
                "{\"eventId\":\"e\",\"tenantId\":\"a\",\"userId\":\"u\",\"type\":\"login\",\"timestamp\":\"yesterday\"}",
                "{oops",
                "[]",
            })
    void readingFirstAndCheckingTheClockLaterDecidesAsParsingDoesForEachRule(String json) {
        assertSameOutcome(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readsTheEventTimeOfValidAndOfMostRejectedRecords() {
        assertThat(
                        UsageEventParser.read(
                                        bytes(
                                                "{\"eventId\":\"e\",\"tenantId\":\"a\",\"userId\":\"u\","
                                                    + "\"type\":\"login\",\"timestamp\":\"2026-11-20T10:00:00+01:00\"}"))
                                .eventTimeMs())
                .isEqualTo(Instant.parse("2026-11-20T09:00:00Z").toEpochMilli());
        assertThat(
                        UsageEventParser.read(
                                        bytes(
                                                "{\"userId\":\"u\",\"timestamp\":\"2026-11-20T10:00:00Z\"}"))
                                .eventTimeMs())
                .isEqualTo(Instant.parse("2026-11-20T10:00:00Z").toEpochMilli());
        assertThat(UsageEventParser.read(bytes("{\"timestamp\":\"soon\"}")).eventTimeMs())
                .isEqualTo(-1);
        assertThat(UsageEventParser.read(bytes("{oops")).eventTimeMs()).isEqualTo(-1);
        assertThat(UsageEventParser.read((byte[]) null).eventTimeMs()).isEqualTo(-1);
    }

    /**
     * {@code read(bytes).checkedAt(now).event()} accepts or rejects exactly as {@code parse(bytes,
     * now)}.
     */
    private static void assertSameOutcome(byte[] bytes) {
        UsageRecord read = UsageEventParser.read(bytes);
        UsageEvent parsed = null;
        InvalidRecordException parseError = null;
        try {
            parsed = UsageEventParser.parse(bytes, NOW);
        } catch (InvalidRecordException e) {
            parseError = e;
        }
        if (parseError == null) {
            assertThat(read.checkedAt(NOW).event()).isEqualTo(parsed);
        } else {
            InvalidRecordException expected = parseError;
            assertThatThrownBy(() -> read.checkedAt(NOW).event())
                    .isInstanceOf(InvalidRecordException.class)
                    .hasMessage(expected.getMessage())
                    .extracting(e -> ((InvalidRecordException) e).code())
                    .isEqualTo(expected.code());
        }
    }

    private static byte[] bytes(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }

    private static UsageEvent parse(String json) {
        return UsageEventParser.parse(json.getBytes(StandardCharsets.UTF_8), NOW);
    }
}
