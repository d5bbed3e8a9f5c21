package dev.pulse.topologies.serde;

import dev.pulse.topologies.engagement.EngagementBucket;
import dev.pulse.topologies.event.UsageEvent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/**
 * Engagement buckets of fixed content whose stored bytes are kept under {@code
 * src/test/resources/golden/engagement-bucket}. The files were written by DataSketches 7.0.1 (the
 * version Pulse shipped before it moved to 6.0.0 for Java 25): state directories and changelogs
 * hold such bytes, so the sketch library in use must read them and write the same ones.
 *
 * <p>Run {@link #main} only to add a case; rewriting the existing files would hide a format change.
 */
final class GoldenBuckets {
    /** Distinct users per case: the sketch's list, set and dense (HLL) modes. */
    static final int[] USER_COUNTS = {1, 5, 100, 1_000, 30_000};

    static final String DIRECTORY = "golden/engagement-bucket/";

    private static final Instant AT = Instant.parse("2026-11-20T10:00:00Z");

    private GoldenBuckets() {}

    static EngagementBucket withUsers(int users) {
        EngagementBucket bucket = new EngagementBucket();
        for (int i = 0; i < users; i++) {
            String type = i % 3 == 0 ? "login" : "api_call";
            bucket.add(new UsageEvent("e" + i, "acme", "user-" + i, type, null, AT, null));
        }
        return bucket;
    }

    static String fileName(int users) {
        return "users-" + users + ".bin";
    }

    /** Writes every case into the given directory (the test resources folder). */
    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        Files.createDirectories(dir);
        for (int users : USER_COUNTS) {
            EngagementBucket bucket = withUsers(users);
            Files.write(dir.resolve(fileName(users)), EngagementBucketSerde.toBytes(bucket));
            System.out.println(users + " users: activeUsers " + bucket.activeUsers());
        }
    }
}
