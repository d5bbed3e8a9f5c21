package dev.pulse.topologies.serde;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pulse.topologies.engagement.EngagementBucket;
import dev.pulse.topologies.event.UsageEvent;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Stored engagement buckets outlive the sketch library that wrote them: these bytes come from
 * DataSketches 7.0.1 and must read back, keep counting and be written again byte for byte.
 */
class EngagementBucketGoldenTest {
    /** {@code activeUsers()} of each case as DataSketches 7.0.1 estimated it. */
    private static final Map<Integer, Long> ACTIVE_USERS_7_0_1 =
            Map.of(1, 1L, 5, 5L, 100, 100L, 1_000, 992L, 30_000, 29_849L);

    /** {@code distinctUsers} over all five cases as DataSketches 7.0.1 estimated it. */
    private static final long UNION_7_0_1 = 29_922;

    private static final Instant AT = Instant.parse("2026-11-20T10:00:00Z");

    @ParameterizedTest
    @ValueSource(ints = {1, 5, 100, 1_000, 30_000})
    void readsBucketsWrittenByDataSketches7(int users) throws IOException {
        EngagementBucket read = EngagementBucketSerde.fromBytes(golden(users));

        assertThat(read.activeUsers()).isEqualTo(ACTIVE_USERS_7_0_1.get(users));
        assertThat(read.events()).isEqualTo(users);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 5, 100, 1_000, 30_000})
    void writesTheBytesDataSketches7Wrote(int users) throws IOException {
        // Same bytes both ways: a rollback to a build on DataSketches 7 still reads today's state.
        assertThat(EngagementBucketSerde.toBytes(GoldenBuckets.withUsers(users)))
                .isEqualTo(golden(users));
    }

    @Test
    void keepsCountingIntoABucketWrittenByDataSketches7() throws IOException {
        EngagementBucket read = EngagementBucketSerde.fromBytes(golden(1_000));
        for (int i = 1_000; i < 2_000; i++) {
            read.add(new UsageEvent("e" + i, "acme", "user-" + i, "login", null, AT, null));
        }

        assertThat(read.activeUsers()).isEqualTo(GoldenBuckets.withUsers(2_000).activeUsers());
    }

    @Test
    void unitesBucketsWrittenByDataSketches7() throws IOException {
        List<EngagementBucket> buckets = new ArrayList<>();
        for (int users : GoldenBuckets.USER_COUNTS) {
            buckets.add(EngagementBucketSerde.fromBytes(golden(users)));
        }

        assertThat(EngagementBucket.distinctUsers(buckets)).isEqualTo(UNION_7_0_1);
    }

    private static byte[] golden(int users) throws IOException {
        String name = GoldenBuckets.DIRECTORY + GoldenBuckets.fileName(users);
        try (InputStream in = EngagementBucketGoldenTest.class.getResourceAsStream("/" + name)) {
            assertThat(in).as(name).isNotNull();
            return in.readAllBytes();
        }
    }
}
