package dev.pulse.app.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pulse.topologies.event.UsageEventParser;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class LiveEventGeneratorTest {
    private static final Instant ANCHOR = Instant.parse("2026-11-18T14:37:12.345Z");
    private static final long FIRST_SECOND = ANCHOR.getEpochSecond() + 1;
    private static final int SECONDS = 900;
    private final DemoCustomerBase base = DemoCustomerBase.generate(5, 150, ANCHOR);

    @Test
    void sendsAboutTheConfiguredRate() {
        LiveEventGenerator live = new LiveEventGenerator(base, 5, 40);
        assertThat(seconds(live).size() / (double) SECONDS).isCloseTo(40, Offset.offset(2.0));
        LiveEventGenerator slow = new LiveEventGenerator(base, 5, 4);
        assertThat(seconds(slow).size() / (double) SECONDS).isCloseTo(4, Offset.offset(0.5));
    }

    @Test
    void sameSecondGivesTheSameRecords() {
        List<SimulatedRecord> first = new LiveEventGenerator(base, 5, 40).second(FIRST_SECOND);
        List<SimulatedRecord> second = new LiveEventGenerator(base, 5, 40).second(FIRST_SECOND);
        assertThat(second)
                .extracting(SimulatedRecord::json)
                .containsExactlyElementsOf(first.stream().map(SimulatedRecord::json).toList());
    }

    @Test
    void idleTenantsStaySilentAndFadingOnesStayQuiet() {
        List<SimulatedRecord> records = seconds(new LiveEventGenerator(base, 5, 40));
        Map<String, Integer> perTenant = new HashMap<>();
        records.forEach(record -> perTenant.merge(record.tenantId(), 1, Integer::sum));
        assertThat(base.tenantsOf(UsagePattern.IDLE))
                .allSatisfy(tenant -> assertThat(perTenant).doesNotContainKey(tenant));
        int fading =
                base.tenantsOf(UsagePattern.FADE).stream()
                        .mapToInt(t -> perTenant.getOrDefault(t, 0))
                        .sum();
        // Their modelled real-time rate: a few events in a quarter of an hour, against 36,000 in
        // all.
        assertThat(fading).isLessThan(20);
        assertThat(base.tenantsOf(UsagePattern.STEADY))
                .allSatisfy(
                        tenant ->
                                assertThat(perTenant.getOrDefault(tenant, 0))
                                        .as(tenant)
                                        .isPositive());
    }

    @Test
    void liveRecordsAreValidAndTimedWithinTheirSecond() {
        LiveEventGenerator live = new LiveEventGenerator(base, 5, 40);
        long wellFormed = 0;
        for (long second = FIRST_SECOND; second < FIRST_SECOND + 60; second++) {
            for (SimulatedRecord record : live.second(second)) {
                assertThat(record.sentAtMs()).isBetween(second * 1000, second * 1000 + 999);
                if (record.kind() == RecordKind.MALFORMED) {
                    continue;
                }
                Instant sentAt = Instant.ofEpochMilli(record.sentAtMs());
                assertThat(UsageEventParser.parse(record.value(), sentAt).tenantId())
                        .isEqualTo(record.tenantId());
                if (record.kind() == RecordKind.EVENT) {
                    assertThat(record.timestampMs()).isEqualTo(record.sentAtMs());
                }
                wellFormed++;
            }
        }
        assertThat(wellFormed).isGreaterThan(2000);
    }

    private static List<SimulatedRecord> seconds(LiveEventGenerator live) {
        List<SimulatedRecord> records = new ArrayList<>();
        for (long second = FIRST_SECOND; second < FIRST_SECOND + SECONDS; second++) {
            records.addAll(live.second(second));
        }
        return records;
    }
}
