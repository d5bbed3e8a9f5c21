package dev.pulse.access.segments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.pulse.streams.broker.SharedKafkaBroker;
import dev.pulse.topologies.health.Band;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Segments on a compacted topic of the shared broker: read back at once and by other instances. */
@ExtendWith(SharedKafkaBroker.class)
class KafkaSegmentStoreIT {
    private static final Duration DEADLINE = Duration.ofSeconds(30);

    private final List<KafkaSegmentStore> stores = new ArrayList<>();
    private String topic;

    @BeforeEach
    void createTopic() {
        topic = "segments-" + UUID.randomUUID();
        KafkaSegmentStore.ensureTopic(SharedKafkaBroker.connection(), topic);
    }

    @AfterEach
    void close() {
        stores.forEach(KafkaSegmentStore::close);
    }

    @Test
    void aSegmentIsReadBackAtOnceAndByAnotherInstanceThenChangedAndDeleted() {
        KafkaSegmentStore first = open();
        Segment segment = segment("seg-" + UUID.randomUUID(), "Enterprise at risk", 50.0);
        first.save(segment);
        assertThat(first.get(segment.id())).contains(segment); // read your writes

        KafkaSegmentStore second = open();
        second.awaitLoaded(DEADLINE);
        assertThat(second.get(segment.id())).contains(segment);
        assertThat(second.all()).containsExactly(segment);

        Segment changed = segment(segment.id(), "Enterprise nearly at risk", 60.0);
        second.save(changed);
        assertThat(second.get(segment.id())).contains(changed);
        await().atMost(DEADLINE)
                .until(() -> first.get(segment.id()).equals(java.util.Optional.of(changed)));

        assertThat(first.delete(segment.id())).isTrue();
        assertThat(first.get(segment.id())).isEmpty();
        await().atMost(DEADLINE).until(() -> second.get(segment.id()).isEmpty());
        assertThat(second.delete(segment.id())).isFalse();

        KafkaSegmentStore restarted = open();
        restarted.awaitLoaded(DEADLINE);
        assertThat(restarted.all()).isEmpty();
    }

    private KafkaSegmentStore open() {
        KafkaSegmentStore store = new KafkaSegmentStore(SharedKafkaBroker.connection(), topic);
        stores.add(store);
        return store;
    }

    private static Segment segment(String id, String name, double scoreMax) {
        SegmentCriteria criteria =
                SegmentMatcherTest.criteria()
                        .plans("enterprise")
                        .bands(Band.AT_RISK, Band.NEUTRAL)
                        .score(null, scoreMax)
                        .renewalWithinDays(90)
                        .attributes(Map.of("region", "emea"))
                        .build();
        return new Segment(
                id,
                name,
                "for the quarterly review",
                criteria,
                "ana@x.test",
                Instant.parse("2026-11-20T10:00:00Z"),
                Instant.parse("2026-11-21T10:00:00Z"));
    }
}
