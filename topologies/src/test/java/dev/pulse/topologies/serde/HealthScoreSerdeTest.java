package dev.pulse.topologies.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pulse.topologies.health.*;
import dev.pulse.topologies.json.JsonSerde;
import dev.pulse.topologies.risk.RiskAssessment;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class HealthScoreSerdeTest {
    private static final HealthScoreSerde SERDE = new HealthScoreSerde();
    private static final Instant AT = Instant.parse("2026-11-20T10:00:00.123456789Z");

    @Property(tries = 500)
    void roundTripsEveryField(@ForAll("scores") HealthScore score) {
        byte[] bytes = SERDE.serializer().serialize("t", score);

        assertThat(bytes[0]).isEqualTo(HealthScoreSerde.FORMAT_1);
        assertThat(SERDE.deserializer().deserialize("t", bytes)).isEqualTo(score);
    }

    /** The format is writeUTF's, whatever the text: stored values stay readable both ways. */
    @Property(tries = 1000)
    void writesStringsExactlyAsWriteUtfDoes(@ForAll("texts") String text) throws Exception {
        ByteArrayOutputStream fast = new ByteArrayOutputStream();
        HealthScoreSerde.writeUtf(new DataOutputStream(fast), text);
        ByteArrayOutputStream reference = new ByteArrayOutputStream();
        new DataOutputStream(reference).writeUTF(text);

        assertThat(fast.toByteArray()).isEqualTo(reference.toByteArray());
    }

    @Provide
    Arbitrary<String> texts() {
        return Arbitraries.oneOf(
                Arbitraries.strings().ascii().ofMaxLength(300),
                Arbitraries.strings().withChars('a', 'é', '\0', '€').ofMaxLength(40),
                Arbitraries.strings().all().ofMaxLength(40),
                Arbitraries.of(
                        "",
                        "\0",
                        "why?",
                        "\uD800",
                        "a\uDC00b",
                        "down 48% – for 9 days",
                        "\uD83D\uDE00"));
    }

    @Test
    void handsOutReadOnlyContributions() {
        HealthScore read = roundTrip(score(risk()));
        assertThat(read.contributions()).isUnmodifiable();
    }

    @Test
    void readsScoresWrittenAsJsonBeforeTheBinaryFormat() {
        HealthScore score = score(risk());
        byte[] json = JsonSerde.of(HealthScore.class).toBytes(score);

        assertThat(SERDE.deserializer().deserialize("t", json)).isEqualTo(score);
    }

    @Test
    void isSmallerThanJson() {
        HealthScore score = score(risk());
        assertThat(HealthScoreSerde.toBytes(score).length)
                .isLessThan(JsonSerde.of(HealthScore.class).toBytes(score).length);
    }

    @Test
    void rejectsTruncatedAndPaddedValues() {
        byte[] bytes = HealthScoreSerde.toBytes(score(risk()));
        for (int length : List.of(1, 2, bytes.length / 2, bytes.length - 1, bytes.length + 1)) {
            byte[] cut = Arrays.copyOf(bytes, length);
            assertThatThrownBy(() -> SERDE.deserializer().deserialize("t", cut))
                    .isInstanceOf(SerializationException.class);
        }
        assertThatThrownBy(() -> SERDE.deserializer().deserialize("t", new byte[0]))
                .isInstanceOf(SerializationException.class);
    }

    @Provide
    Arbitrary<HealthScore> scores() {
        Arbitrary<HealthScore> head =
                Combinators.combine(
                                strings(),
                                Arbitraries.doubles(),
                                Arbitraries.of(Band.class).injectNull(0.1),
                                strings(),
                                instants(),
                                boxedDoubles(),
                                boxedDoubles(),
                                contributions())
                        .as(
                                (tenant, score, band, model, asOf, d7, d30, contributions) ->
                                        new HealthScore(
                                                tenant,
                                                score,
                                                band,
                                                model,
                                                asOf,
                                                d7,
                                                d30,
                                                contributions,
                                                null,
                                                null,
                                                null,
                                                null));
        return Combinators.combine(head, strings(), instants(), instants(), risks())
                .as(
                        (h, reason, first, last, risk) ->
                                new HealthScore(
                                        h.tenantId(),
                                        h.score(),
                                        h.band(),
                                        h.modelVersion(),
                                        h.asOf(),
                                        h.delta7d(),
                                        h.delta30d(),
                                        h.contributions(),
                                        reason,
                                        first,
                                        last,
                                        risk));
    }

    private static Arbitrary<List<Contribution>> contributions() {
        return Combinators.combine(
                        strings(),
                        strings(),
                        boxedDoubles(),
                        boxedDoubles(),
                        Arbitraries.doubles(),
                        Arbitraries.doubles(),
                        strings())
                .as(Contribution::new)
                .list()
                .ofMaxSize(8)
                .injectNull(0.1);
    }

    private static Arbitrary<RiskAssessment> risks() {
        Arbitrary<Boolean> flag = Arbitraries.of(true, false);
        Arbitrary<RiskAssessment> head =
                Combinators.combine(days(), flag, flag, flag, flag, days(), days())
                        .as(
                                (day, atRisk, signal, declining, recovered, since, atRiskSince) ->
                                        new RiskAssessment(
                                                day,
                                                atRisk,
                                                signal,
                                                declining,
                                                recovered,
                                                since,
                                                atRiskSince,
                                                null,
                                                null,
                                                null,
                                                null));
        return Combinators.combine(head, strings(), strings(), boxedDoubles(), boxedDoubles())
                .as(
                        (h, reason, metric, drop, portfolio) ->
                                new RiskAssessment(
                                        h.day(),
                                        h.atRisk(),
                                        h.signal(),
                                        h.declining(),
                                        h.recovered(),
                                        h.signalSince(),
                                        h.atRiskSince(),
                                        reason,
                                        metric,
                                        drop,
                                        portfolio))
                .injectNull(0.2);
    }

    /** Any text, surrogates and NULs included, or none. */
    private static Arbitrary<String> strings() {
        // ASCII takes the decoder's fast path; anything else (NUL, surrogates) its exact one
        return Arbitraries.oneOf(
                        Arbitraries.strings().all().ofMaxLength(80),
                        Arbitraries.strings().ascii().ofMaxLength(80))
                .injectNull(0.1);
    }

    private static Arbitrary<Double> boxedDoubles() {
        return Arbitraries.oneOf(
                        Arbitraries.doubles(),
                        Arbitraries.of(Double.NaN, -0.0, Double.POSITIVE_INFINITY))
                .injectNull(0.2);
    }

    private static Arbitrary<Instant> instants() {
        return Arbitraries.longs()
                .between(-10_000_000_000L, 10_000_000_000L)
                .flatMap(
                        seconds ->
                                Arbitraries.integers()
                                        .between(0, 999_999_999)
                                        .map(nanos -> Instant.ofEpochSecond(seconds, nanos)))
                .injectNull(0.1);
    }

    private static Arbitrary<LocalDate> days() {
        return Arbitraries.longs()
                .between(-1_000_000, 1_000_000)
                .map(LocalDate::ofEpochDay)
                .injectNull(0.2);
    }

    private static HealthScore roundTrip(HealthScore score) {
        return SERDE.deserializer().deserialize("t", SERDE.serializer().serialize("t", score));
    }

    private static RiskAssessment risk() {
        return new RiskAssessment(
                LocalDate.parse("2026-11-19"),
                true,
                true,
                true,
                false,
                LocalDate.parse("2026-11-10"),
                null,
                "active users down 48% against their usual 4 weeks, for 9 days",
                "active_users",
                -48.0,
                null);
    }

    private static HealthScore score(RiskAssessment risk) {
        return new HealthScore(
                "acme",
                37.5,
                Band.AT_RISK,
                "v1",
                AT,
                -3.0,
                null,
                List.of(
                        new Contribution(
                                "utilisation", "Seat use", 0.5, 50.0, 0.4, 20.0, "half the seats"),
                        new Contribution("nps", "NPS", null, null, 0, 0, "no survey answers yet")),
                "Seat use: half the seats",
                AT.minusSeconds(86_400 * 30),
                AT,
                risk);
    }
}
