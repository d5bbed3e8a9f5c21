package dev.pulse.topologies.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.pulse.topologies.engagement.*;
import dev.pulse.topologies.event.UsageEvent;
import dev.pulse.topologies.json.JsonSerde;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class EngagementBucketSerdeTest {
    private static final Instant AT = Instant.parse("2026-11-20T10:00:00Z");
    private static final EngagementBucketSerde SERDE = new EngagementBucketSerde();

    @Test
    void roundTripsEveryField() {
        EngagementBucket bucket = new EngagementBucket();
        bucket.add(event("u1", "login", null, null));
        bucket.add(event("u2", "feature_used", "reports", null));
        bucket.add(event("u2", "feature_used", "exports-ü", null));
        bucket.add(event("u3", "nps_response", null, 9));

        EngagementBucket read = roundTrip(bucket);

        assertSame(read, bucket);
        assertThat(read.npsSum()).isEqualTo(9);
        assertThat(read.npsCount()).isEqualTo(1);
        assertThat(read.activeUsers()).isEqualTo(3);
    }

    @Test
    void roundTripsAnEmptyBucket() {
        EngagementBucket read = roundTrip(new EngagementBucket());
        assertSame(read, new EngagementBucket());
        assertThat(read.activeUsers()).isZero();
    }

    @Test
    void startsWithItsFormatByte() {
        byte[] bytes = SERDE.serializer().serialize("t", new EngagementBucket());
        assertThat(bytes[0]).isEqualTo(EngagementBucketSerde.FORMAT_1);
    }

    @Test
    void readsBucketsWrittenAsJsonBeforeTheBinaryFormat() {
        EngagementBucket bucket = new EngagementBucket();
        for (int i = 0; i < 40; i++) {
            bucket.add(event("u" + (i % 7), i % 2 == 0 ? "login" : "api_call", null, null));
        }
        bucket.add(event("u9", "nps_response", null, 4));
        byte[] json = JsonSerde.of(EngagementBucket.class).toBytes(bucket);
        assertThat(json[0]).isEqualTo((byte) '{');

        EngagementBucket read = SERDE.deserializer().deserialize("t", json);

        assertSame(read, bucket);
        assertThat(read.activeUsers()).isEqualTo(8);
        // Updated and written again, it comes back in the binary format.
        read.add(event("u10", "login", null, null));
        assertThat(SERDE.serializer().serialize("t", read)[0])
                .isEqualTo(EngagementBucketSerde.FORMAT_1);
        assertThat(roundTrip(read).activeUsers()).isEqualTo(9);
    }

    @Test
    void readsATodayJsonLiteral() {
        String json =
                "{\"events\":3,\"byType\":{\"login\":2,\"api_call\":1},\"features\":{},"
                        + "\"npsSum\":0,\"npsCount\":0}";
        EngagementBucket read =
                SERDE.deserializer().deserialize("t", json.getBytes(StandardCharsets.UTF_8));
        assertThat(read.events()).isEqualTo(3);
        assertThat(read.eventsOfType("login")).isEqualTo(2);
        assertThat(read.activeUsers()).isZero();
    }

    @Test
    void rejectsTruncatedValues() {
        EngagementBucket bucket = new EngagementBucket();
        bucket.add(event("u1", "feature_used", "reports", null));
        byte[] bytes = SERDE.serializer().serialize("t", bucket);
        for (int length : List.of(1, 2, bytes.length / 2, bytes.length - 1)) {
            byte[] cut = java.util.Arrays.copyOf(bytes, length);
            assertThatThrownBy(() -> SERDE.deserializer().deserialize("t", cut))
                    .isInstanceOf(SerializationException.class);
        }
        assertThatThrownBy(() -> SERDE.deserializer().deserialize("t", new byte[0]))
                .isInstanceOf(SerializationException.class);
    }

    @Property(tries = 200)
    void roundTripsAnyMixOfEvents(
            @ForAll @IntRange(min = 0, max = 3000) int events,
            @ForAll @IntRange(min = 1, max = 5000) int users) {
        EngagementBucket bucket = new EngagementBucket();
        for (int i = 0; i < events; i++) {
            String type = List.of("login", "feature_used", "api_call", "nps_response").get(i % 4);
            bucket.add(
                    event(
                            "user-" + (i * 7919L % users),
                            type,
                            type.equals("feature_used") ? "f" + (i % 13) : null,
                            type.equals("nps_response") ? i % 11 : null));
        }
        assertSame(roundTrip(bucket), bucket);
    }

    private static EngagementBucket roundTrip(EngagementBucket bucket) {
        return SERDE.deserializer().deserialize("t", SERDE.serializer().serialize("t", bucket));
    }

    private static void assertSame(EngagementBucket actual, EngagementBucket expected) {
        assertThat(actual.events()).isEqualTo(expected.events());
        assertThat(actual.byType()).isEqualTo(expected.byType());
        assertThat(actual.features()).isEqualTo(expected.features());
        assertThat(actual.npsSum()).isEqualTo(expected.npsSum());
        assertThat(actual.npsCount()).isEqualTo(expected.npsCount());
        assertThat(actual.activeUsers()).isEqualTo(expected.activeUsers());
        // Sketch bytes may differ after a heapify (ordering, flags); what they estimate may not.
        assertThat(EngagementBucket.distinctUsers(List.of(actual)))
                .isEqualTo(EngagementBucket.distinctUsers(List.of(expected)));
        assertThat(EngagementBucket.distinctUsers(List.of(actual, actual)))
                .isEqualTo(EngagementBucket.distinctUsers(List.of(expected, expected)));
    }

    private static UsageEvent event(String user, String type, String feature, Integer nps) {
        return new UsageEvent(
                "e-" + user + "-" + type,
                "acme",
                user,
                type,
                feature,
                AT,
                nps == null
                        ? null
                        : JsonNodeFactory.instance.objectNode().put("score", nps.intValue()));
    }
}
