package dev.pulse.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.pulse.streams.broker.EmbeddedKafkaBroker;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Engagement is counted into buckets kept in memory and written to RocksDB and the changelog once
 * per commit ({@code WriteBehindWindowStore}). Killed ({@code kill -9}) while events flow, that is
 * with counts of the last commit interval still only in memory, Pulse restarts on its state
 * directory and every acknowledged event is counted exactly once: what was in memory is lost with
 * the uncommitted input offsets and counted again from the input, nothing committed is lost.
 *
 * <p>Were the buckets written after the transaction commits instead of before (the hook this relies
 * on is Kafka Streams internal), almost every kill would lose the last interval's counts here.
 */
class EngagementCrashIT {
    // One kill pins the contract (a mutant writing after the commit failed at its first kill);
    // every further kill costs a restart of ~15 s in CI.
    private static final int KILLS = 1;

    @TempDir Path dir;

    @Test
    void killedBetweenCommitsItRestartsWithEveryEventCountedOnce() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<String> tenants =
                IntStream.range(0, 8).mapToObj(i -> "crash-" + run + "-" + i).toList();
        List<String> figures = new ArrayList<>();
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dir.resolve("kafka"), 0);
                PulseProcess pulse =
                        new PulseProcess(
                                "crash", dir, broker.bootstrapServers(), "crash-" + run, 1, 0)) {
            pulse.start();
            pulse.awaitReady(Duration.ofSeconds(120));
            EventFlow events = EventFlow.start(broker.bootstrapServers(), tenants);
            try (events) {
                for (int kill = 1; kill <= KILLS; kill++) {
                    // Counting, and so committing every 100 ms with buckets pending between.
                    long before = pulse.eventsCounted(tenants.get(0));
                    await().atMost(Duration.ofSeconds(60))
                            .pollInterval(Duration.ofMillis(100))
                            .until(() -> pulse.eventsCounted(tenants.get(0)) > before + 20);
                    pulse.kill();
                    long restartedAt = System.nanoTime();
                    pulse.start();
                    pulse.awaitReady(Duration.ofSeconds(120));
                    figures.add(
                            "kill "
                                    + kill
                                    + ": ready again in "
                                    + (System.nanoTime() - restartedAt) / 1_000_000
                                    + " ms");
                }
            }
            // The flow has stopped: every acknowledged event, counted once.
            await().atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(250))
                    .untilAsserted(
                            () -> {
                                for (String tenant : tenants) {
                                    assertThat(pulse.eventsCounted(tenant))
                                            .as("%s: events counted", tenant)
                                            .isEqualTo(events.acknowledged(tenant));
                                }
                            });
            figures.add(
                    tenants.stream().mapToLong(events::acknowledged).sum()
                            + " events, each counted exactly once after "
                            + KILLS
                            + " kills");
        } finally {
            System.out.println("EngagementCrashIT figures:\n  " + String.join("\n  ", figures));
        }
    }
}
