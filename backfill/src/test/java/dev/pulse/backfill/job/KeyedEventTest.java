package dev.pulse.backfill.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pulse.topologies.event.UsageEvent;
import dev.pulse.topologies.event.UsageEventParser;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.java.typeutils.PojoTypeInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What crosses the shuffle gives back the event the parser read, to the nanosecond, and crosses it
 * with Flink's POJO serializer.
 */
class KeyedEventTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"eventId\":\"e-1\",\"tenantId\":\"acme\",\"userId\":\"u1\",\"type\":\"login\","
                        + "\"timestamp\":\"2026-05-04T09:00:00.123456789Z\"}",
                "{\"eventId\":\"e-2\",\"tenantId\":\"acme\",\"userId\":\"u1\",\"type\":\"feature_used\","
                    + "\"feature\":\"reports\",\"timestamp\":\"2026-05-04T09:00:00Z\",\"extra\":1}",
                "{\"eventId\":\"e-3\",\"tenantId\":\"acme\",\"userId\":\"u1\",\"type\":\"nps_response\","
                    + "\"timestamp\":\"2026-05-04T09:00:00Z\",\"properties\":{\"score\":9,\"comment\":\"fine"
                    + " \\\"really\\\"\",\"n\":[1,2.5]}}"
            })
    void givesBackTheParsedEvent(String json) {
        UsageEvent parsed =
                UsageEventParser.parse(json.getBytes(StandardCharsets.UTF_8), Instant.now());

        UsageEvent back = KeyedEvent.of(TenantDayKey.of("acme", 20_577), parsed).event();

        assertThat(back).isEqualTo(parsed);
        assertThat(back.npsScore()).isEqualTo(parsed.npsScore());
    }

    @Test
    void crossesTheShuffleAsAPojoNotThroughKryo() {
        assertThat(TypeInformation.of(KeyedEvent.class)).isInstanceOf(PojoTypeInfo.class);
        assertThat(TypeInformation.of(TenantDayRow.class)).isInstanceOf(PojoTypeInfo.class);
    }
}
