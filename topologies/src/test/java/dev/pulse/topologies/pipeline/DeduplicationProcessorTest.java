package dev.pulse.topologies.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pulse.topologies.event.UsageEvent;
import dev.pulse.topologies.topic.PulseStores;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.WindowStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The duplicate check against ids a previous run left in the store (as a restart restores them from
 * the changelog) and ids it stores itself. The real-broker restart is {@code RestartIT}.
 */
class DeduplicationProcessorTest {
    private static final Duration WINDOW = Duration.ofDays(2);
    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

    private final AtomicInteger duplicates = new AtomicInteger();
    private final AtomicInteger storeLookups = new AtomicInteger();
    private MockProcessorContext<String, UsageEvent> context;
    private WindowStore<String, Long> ids;

    @BeforeEach
    void open() {
        context = new MockProcessorContext<>();
        ids =
                Stores.windowStoreBuilder(
                                Stores.inMemoryWindowStore(
                                        PulseStores.EVENT_IDS,
                                        WINDOW.multipliedBy(2),
                                        WINDOW,
                                        false),
                                Serdes.String(),
                                Serdes.Long())
                        .withLoggingDisabled()
                        .build();
        ids.init(context.getStateStoreContext(), ids);
        context.addStateStore(ids);
    }

    @AfterEach
    void close() {
        ids.close();
    }

    @Test
    void dropsACopyOfAnEventStoredBeforeTheProcessorStartedAndCountsNewOnes() {
        ids.put("acme/e-1", NOW.toEpochMilli(), NOW.toEpochMilli());
        DeduplicationProcessor processor = started();

        processor.process(record("e-1", NOW.plusSeconds(30)));
        processor.process(record("e-2", NOW.plusSeconds(30)));
        processor.process(record("e-2", NOW.plusSeconds(40)));
        processor.process(record("e-1", NOW.plus(WINDOW).plus(WINDOW)));

        assertThat(duplicates).hasValue(2);
        assertThat(context.forwarded())
                .extracting(f -> f.record().value().eventId())
                .containsExactly("e-2", "e-1");
        // Only the two copies needed the store; the new ids (e-2 first, e-1 four days on) did not.
        assertThat(storeLookups).hasValue(2);
    }

    @Test
    void aReinitialisedProcessorReadsTheStoreAgain() {
        DeduplicationProcessor processor = started();
        processor.process(record("e-1", NOW));
        // A task revived after a crash: its store restored from the changelog, which holds an id
        // this processor instance never saw (another instance stored it before a rebalance).
        ids.put("acme/e-2", NOW.toEpochMilli(), NOW.toEpochMilli());
        processor.init(context);

        processor.process(record("e-2", NOW.plusSeconds(5)));
        processor.process(record("e-1", NOW.plusSeconds(5)));

        assertThat(duplicates).hasValue(2);
        assertThat(context.forwarded()).hasSize(1);
    }

    private DeduplicationProcessor started() {
        DeduplicationProcessor processor =
                new DeduplicationProcessor(
                        WINDOW,
                        1L << 20,
                        new PipelineListener() {
                            @Override
                            public void onDuplicate() {
                                duplicates.incrementAndGet();
                            }

                            @Override
                            public void onIdLookedUpInStore() {
                                storeLookups.incrementAndGet();
                            }
                        });
        processor.init(context);
        return processor;
    }

    private static Record<String, UsageEvent> record(String id, Instant at) {
        return new Record<>(
                "acme",
                new UsageEvent(id, "acme", "u-1", "page_view", "home", at, null),
                at.toEpochMilli());
    }
}
