package dev.pulse.topologies.engagement;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.pulse.topologies.event.UsageEvent;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.datasketches.hll.HllSketch;
import org.apache.datasketches.hll.TgtHllType;
import org.apache.datasketches.hll.Union;

/**
 * Engagement of one tenant in one time bucket (an hour or a UTC day): events by type, features
 * used, distinct active users and NPS answers. Distinct users are an HLL sketch (exact for small
 * counts, about 1.6% error at lgK 12 for large ones) so buckets of any tenant size stay small and
 * can be merged across days.
 */
public final class EngagementBucket {
    static final int LG_K = 12;

    private long events;
    private final TreeMap<String, Long> byType;
    private final TreeMap<String, Long> features;
    private HllSketch users;
    private long npsSum;
    private long npsCount;

    /** The users sketch's estimate, kept until the next event: readers ask for it many times. */
    private long activeUsers = -1;

    public EngagementBucket() {
        this(0, new TreeMap<>(), new TreeMap<>(), (HllSketch) null, 0, 0);
    }

    @JsonCreator
    EngagementBucket(
            @JsonProperty("events") long events,
            @JsonProperty("byType") Map<String, Long> byType,
            @JsonProperty("features") Map<String, Long> features,
            @JsonProperty("users") byte[] users,
            @JsonProperty("npsSum") long npsSum,
            @JsonProperty("npsCount") long npsCount) {
        this(
                events,
                byType == null ? new TreeMap<>() : new TreeMap<>(byType),
                features == null ? new TreeMap<>() : new TreeMap<>(features),
                users == null ? null : HllSketch.heapify(users),
                npsSum,
                npsCount);
    }

    /** Every field as stored; for the store serde ({@code topologies.serde}). */
    public EngagementBucket(
            long events,
            TreeMap<String, Long> byType,
            TreeMap<String, Long> features,
            HllSketch users,
            long npsSum,
            long npsCount) {
        this.events = events;
        this.byType = byType;
        this.features = features;
        this.users = users;
        this.npsSum = npsSum;
        this.npsCount = npsCount;
    }

    /** Counts one event into this bucket. */
    public EngagementBucket add(UsageEvent event) {
        events++;
        byType.merge(event.type(), 1L, Long::sum);
        if (event.feature() != null) {
            features.merge(event.feature(), 1L, Long::sum);
        }
        if (users == null) {
            users = new HllSketch(LG_K, TgtHllType.HLL_8);
        }
        users.update(event.userId());
        activeUsers = -1;
        int nps = event.npsScore();
        if (nps >= 0) {
            npsSum += nps;
            npsCount++;
        }
        return this;
    }

    @JsonProperty
    public long events() {
        return events;
    }

    @JsonProperty
    public Map<String, Long> byType() {
        return byType;
    }

    @JsonProperty
    public Map<String, Long> features() {
        return features;
    }

    /** The distinct-users sketch in its compact form; null when no user was seen. */
    @JsonProperty("users")
    public byte[] usersSketch() {
        return users == null ? null : users.toCompactByteArray();
    }

    @JsonProperty
    public long npsSum() {
        return npsSum;
    }

    @JsonProperty
    public long npsCount() {
        return npsCount;
    }

    public long eventsOfType(String type) {
        return byType.getOrDefault(type, 0L);
    }

    /** Events of any of these types. */
    public long eventsOfTypes(List<String> types) {
        long total = 0;
        for (String type : types) {
            total += eventsOfType(type);
        }
        return total;
    }

    /** Distinct active users in this bucket. */
    @JsonIgnore
    public long activeUsers() {
        if (activeUsers < 0) {
            activeUsers = users == null ? 0 : Math.round(users.getEstimate());
        }
        return activeUsers;
    }

    /** Distinct active users across several buckets (a sketch union, not a sum). */
    public static long distinctUsers(Iterable<EngagementBucket> buckets) {
        Union union = new Union(LG_K);
        for (EngagementBucket bucket : buckets) {
            if (bucket.users != null) {
                union.update(bucket.users);
            }
        }
        return Math.round(union.getEstimate());
    }
}
