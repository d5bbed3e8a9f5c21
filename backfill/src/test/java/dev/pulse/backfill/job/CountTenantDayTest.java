package dev.pulse.backfill.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pulse.topologies.event.UsageEvent;
import dev.pulse.topologies.event.UsageEventParser;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.CloseableIterator;
import org.junit.jupiter.api.Test;

/**
 * The grouping key is a hash, so two tenant-days can share one: counted on Flink's MiniCluster in
 * BATCH mode with every event given the same key, each tenant-day still comes out on its own, with
 * its own duplicate ids, and is counted as a tenant-day.
 */
class CountTenantDayTest {
    private static final long ONE_KEY_FOR_ALL = 42L;

    @Test
    void keepsTenantDaysThatShareAKeyApart() throws Exception {
        List<KeyedEvent> events =
                List.of(
                        keyed("a-1", "acme", "u1", "2026-05-04T09:00:00Z"),
                        keyed("g-1", "globex", "u7", "2026-05-04T10:00:00Z"),
                        keyed("a-2", "acme", "u2", "2026-05-04T11:00:00Z"),
                        keyed("a-3", "acme", "u1", "2026-05-05T08:00:00Z"),
                        keyed("a-2", "acme", "u2", "2026-05-04T11:00:00Z"),
                        // Another tenant's event with an id acme used: not a duplicate.
                        keyed("a-1", "globex", "u8", "2026-05-04T12:00:00Z"));
        StreamExecutionEnvironment env =
                BackfillJob.batch(StreamExecutionEnvironment.createLocalEnvironment(1));

        List<TenantDayRow> rows = new ArrayList<>();
        CloseableIterator<TenantDayRow> collected =
                env.fromData(events)
                        .keyBy(KeyedEvent::dayKey)
                        .process(new CountTenantDay())
                        .collectAsync();
        JobClient job = env.executeAsync("count-tenant-days-test");
        try (collected) {
            collected.forEachRemaining(rows::add);
        }
        JobExecutionResult result = job.getJobExecutionResult().get();

        assertThat(rows)
                .extracting(r -> r.tenantId() + " " + r.epochDay() + " " + r.events())
                .containsExactlyInAnyOrder(
                        "acme 20577 2", // the repeated a-2 counted once
                        "globex 20577 2",
                        "acme 20578 1");
        assertThat(result.<Long>getAccumulatorResult(BackfillJob.TENANT_DAYS)).isEqualTo(3L);
        assertThat(result.<Long>getAccumulatorResult(BackfillJob.EVENTS_DUPLICATE)).isEqualTo(1L);
        TenantDayRow acme =
                rows.stream()
                        .filter(r -> r.tenantId().equals("acme") && r.epochDay() == 20_577)
                        .findFirst()
                        .orElseThrow();
        assertThat(acme.firstMs()).isEqualTo(Instant.parse("2026-05-04T09:00:00Z").toEpochMilli());
        assertThat(acme.lastMs()).isEqualTo(Instant.parse("2026-05-04T11:00:00Z").toEpochMilli());
    }

    @Test
    void givesEachTenantAndDayItsOwnKey() {
        assertThat(TenantDayKey.of("acme", 20_577))
                .isEqualTo(TenantDayKey.of("acme", 20_577))
                .isNotEqualTo(TenantDayKey.of("acme", 20_578))
                .isNotEqualTo(TenantDayKey.of("acmf", 20_577));
    }

    private static KeyedEvent keyed(String id, String tenant, String user, String at) {
        String json =
                "{\"eventId\":\"%s\",\"tenantId\":\"%s\",\"userId\":\"%s\",\"type\":\"login\",\"timestamp\":\"%s\"}"
                        .formatted(id, tenant, user, at);
        UsageEvent event =
                UsageEventParser.parse(json.getBytes(StandardCharsets.UTF_8), Instant.now());
        return KeyedEvent.of(ONE_KEY_FOR_ALL, event);
    }
}
