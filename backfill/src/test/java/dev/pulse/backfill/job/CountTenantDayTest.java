package dev.pulse.backfill.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pulse.topologies.event.UsageEvent;
import dev.pulse.topologies.event.UsageEventParser;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.CloseableIterator;
import org.junit.jupiter.api.Test;

/**
 * The grouping key is a hash, so two tenant-days can share one: counted on Flink's MiniCluster in
 * BATCH mode with every event given the same key, each tenant-day still comes out on its own.
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
                        keyed("a-2", "acme", "u2", "2026-05-04T11:00:00Z"));
        StreamExecutionEnvironment env =
                BackfillJob.batch(StreamExecutionEnvironment.createLocalEnvironment(1));

        List<TenantDayRow> rows = new ArrayList<>();
        try (CloseableIterator<TenantDayRow> it =
                env.fromData(events)
                        .keyBy(KeyedEvent::dayKey)
                        .process(new CountTenantDay())
                        .executeAndCollect()) {
            it.forEachRemaining(rows::add);
        }

        assertThat(rows)
                .extracting(r -> r.tenantId() + " " + r.epochDay() + " " + r.events())
                .containsExactlyInAnyOrder(
                        "acme 20577 2", // the repeated a-2 counted once
                        "globex 20577 1",
                        "acme 20578 1");
        TenantDayRow acme = rows.stream().filter(r -> r.events() == 2).findFirst().orElseThrow();
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
