package dev.pulse.app.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pulse.topologies.event.UsageEvent;
import dev.pulse.topologies.event.UsageEventParser;
import dev.pulse.topologies.event.UsageRecord;
import dev.pulse.topologies.funnel.Funnel;
import dev.pulse.topologies.funnel.FunnelDefinitions;
import dev.pulse.topologies.funnel.FunnelProgress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The demo's traffic moves users through the shipped reporting funnel with drop-off at every step,
 * and customers whose users stall at one step convert far worse there than the others.
 */
class FunnelTrafficTest {
    private static final long SEED = 11;
    private static final Instant ANCHOR = Instant.parse("2026-11-18T14:37:12.345Z");
    private static final Instant START = Instant.parse("2026-11-01T00:00:00Z");
    private static final int DAYS = 14;
    private static final DemoCustomerBase BASE = DemoCustomerBase.generate(SEED, 80, ANCHOR);

    /** Users who reached each step, per tenant. */
    private static final Map<String, long[]> REACHED = new HashMap<>();

    private static Funnel reporting;

    @BeforeAll
    static void walkTwoWeeksOfTraffic() throws Exception {
        reporting =
                FunnelDefinitions.fromYaml(
                                Files.readString(Path.of("..", "config", "funnels.yaml")))
                        .find("reporting")
                        .orElseThrow();
        HourlyEventGenerator generator = new HourlyEventGenerator(BASE, SEED);
        List<UsageEvent> events = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int hour = 0; hour < DAYS * 24; hour++) {
            for (SimulatedRecord record : generator.hour(START.plus(Duration.ofHours(hour)))) {
                UsageRecord read = UsageEventParser.read(record.value());
                if (read instanceof UsageRecord.Readable readable
                        && ids.add(readable.event().eventId())) {
                    events.add(readable.event());
                }
            }
        }
        events.sort(Comparator.comparing(UsageEvent::timestamp));
        Map<String, FunnelProgress> progress = new HashMap<>();
        for (UsageEvent event : events) {
            String key = event.tenantId() + "/" + event.userId();
            FunnelProgress.Step step = FunnelProgress.apply(progress.get(key), reporting, event);
            if (step.changed()) {
                progress.put(key, step.progress());
                REACHED.computeIfAbsent(event.tenantId(), t -> new long[4])[step.newStep()]++;
            }
        }
    }

    @Test
    void usersDropOffAtEveryStepAndSomeFinish() {
        long[] total = new long[4];
        REACHED.values()
                .forEach(
                        r -> {
                            for (int i = 0; i < 4; i++) {
                                total[i] += r[i];
                            }
                        });
        assertThat(total[0]).isGreaterThan(total[1]);
        assertThat(total[1]).isGreaterThan(total[2]);
        assertThat(total[2]).isGreaterThan(total[3]);
        assertThat(total[3]).isPositive();
    }

    @Test
    void customersWhoseUsersStallConvertFarWorseAtThatStep() {
        FunnelAdoption adoption = new FunnelAdoption(new RandomStreams(SEED));
        List<TenantBehaviour> tenants = BASE.behaviours();
        int compared = 0;
        for (int step = 0; step < FunnelAdoption.PATH.size(); step++) {
            long[] stalled = new long[2];
            long[] others = new long[2];
            for (int i = 0; i < tenants.size(); i++) {
                long[] reached = REACHED.get(tenants.get(i).tenantId());
                if (reached == null || reached[step] < 5) {
                    continue;
                }
                long[] sums = adoption.stallStep(i) == step ? stalled : others;
                sums[0] += reached[step];
                sums[1] += reached[step + 1];
            }
            if (stalled[0] >= 20 && others[0] >= 20) {
                compared++;
                double stalledConversion = stalled[1] / (double) stalled[0];
                double othersConversion = others[1] / (double) others[0];
                assertThat(stalledConversion)
                        .as("conversion into %s", FunnelAdoption.PATH.get(step))
                        .isLessThan(othersConversion * 0.6);
            }
        }
        assertThat(compared).isGreaterThanOrEqualTo(2);
    }
}
