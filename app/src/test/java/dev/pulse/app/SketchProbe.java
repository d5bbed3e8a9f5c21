package dev.pulse.app;

import dev.pulse.topologies.engagement.EngagementBucket;
import dev.pulse.topologies.event.UsageEvent;
import dev.pulse.topologies.serde.EngagementBucketSerde;
import java.time.Instant;
import java.util.List;

/**
 * Started by {@link PortableJarIT} in a JVM of its own, with the shaded jar on the class path:
 * counts users into an engagement bucket, stores it as the state stores do and reads it back, so
 * the sketch library's memory layer is loaded, not just the command line.
 */
public final class SketchProbe {
    private SketchProbe() {}

    public static void main(String[] args) {
        EngagementBucket bucket = new EngagementBucket();
        Instant at = Instant.parse("2026-11-20T10:00:00Z");
        for (int i = 0; i < 1_000; i++) {
            bucket.add(new UsageEvent("e" + i, "acme", "user-" + i, "login", null, at, null));
        }
        EngagementBucket read =
                EngagementBucketSerde.fromBytes(EngagementBucketSerde.toBytes(bucket));
        System.out.println(
                "active users "
                        + read.activeUsers()
                        + ", united "
                        + EngagementBucket.distinctUsers(List.of(read, bucket)));
    }
}
