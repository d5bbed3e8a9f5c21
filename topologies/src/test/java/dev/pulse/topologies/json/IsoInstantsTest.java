package dev.pulse.topologies.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IsoInstantsTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "2026-11-20T10:00:00Z",
                "2026-11-20T10:00:00.5Z",
                "2026-11-20T10:00:00.123456789Z",
                "2024-02-29T23:59:59.999Z",
                "0000-01-01T00:00:00Z",
                "2026-11-20T10:00:00+01:00",
                "2026-11-20t10:00:00z",
                "2026-11-20T10:00Z"
            })
    void readsWhatOffsetDateTimeReads(String text) {
        assertThat(IsoInstants.parse(text)).isEqualTo(OffsetDateTime.parse(text).toInstant());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "2026-02-29T10:00:00Z",
                "2026-11-31T10:00:00Z",
                "2026-11-20T24:00:00Z",
                "2026-11-20T10:60:00Z",
                "2026-11-20T10:00:60Z",
                "2026-13-20T10:00:00Z",
                "2026-11-20T10:00:00.1234567890Z",
                "2026-11-20 10:00:00Z",
                "2026-11-20T10:00:00",
                "yesterday"
            })
    void rejectsWhatOffsetDateTimeRejects(String text) {
        assertThatThrownBy(() -> OffsetDateTime.parse(text))
                .isInstanceOf(DateTimeParseException.class);
        assertThatThrownBy(() -> IsoInstants.parse(text))
                .isInstanceOf(DateTimeParseException.class);
    }

    @Property(tries = 2000)
    void agreesWithOffsetDateTimeOnInstantsWrittenByInstantToString(
            @ForAll @LongRange(min = -62_167_219_200L, max = 253_402_300_799L) long second,
            @ForAll @IntRange(min = 0, max = 999_999_999) int nanos) {
        String text = Instant.ofEpochSecond(second, nanos).toString();
        assertThat(IsoInstants.parse(text)).isEqualTo(OffsetDateTime.parse(text).toInstant());
    }

    @Property(tries = 3000)
    void agreesWithOffsetDateTimeOnNearlyValidTimestamps(
            @ForAll @IntRange(min = 0, max = 9999) int year,
            @ForAll @IntRange(min = 0, max = 13) int month,
            @ForAll @IntRange(min = 0, max = 32) int day,
            @ForAll @IntRange(min = 0, max = 25) int hour,
            @ForAll @IntRange(min = 0, max = 61) int minute,
            @ForAll @IntRange(min = 0, max = 61) int second,
            @ForAll @IntRange(min = 0, max = 10) int fractionDigits,
            @ForAll @IntRange(min = 0, max = 3) int suffix) {
        String fraction = fractionDigits == 0 ? "" : "." + "7".repeat(fractionDigits);
        String zone = new String[] {"Z", "z", "+02:00", ""}[suffix];
        String text =
                String.format(
                        "%04d-%02d-%02dT%02d:%02d:%02d%s%s",
                        year, month, day, hour, minute, second, fraction, zone);
        assertSameOutcome(text);
    }

    @Property(tries = 1000)
    void agreesWithOffsetDateTimeOnAnyText(@ForAll String text) {
        assertSameOutcome(text);
    }

    private static void assertSameOutcome(String text) {
        Instant expected;
        try {
            expected = OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            assertThatThrownBy(() -> IsoInstants.parse(text))
                    .isInstanceOf(DateTimeParseException.class);
            return;
        }
        assertThat(IsoInstants.parse(text)).isEqualTo(expected);
    }
}
