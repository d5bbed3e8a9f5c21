package dev.pulse.app.bench;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Generates valid usage events (see {@code UsageEventParser}): unique ids, a pool of 50 users per
 * tenant, a mix of logins, feature use and API calls, and event times rising evenly across the last
 * six hours, so that none is late (older than the grace period) or in the future.
 */
public final class BenchEventGenerator {
    static final int USERS_PER_TENANT = 50;
    static final Duration SPAN = Duration.ofHours(6);

    private static final List<String> FEATURES =
            List.of(
                    "dashboards",
                    "reports",
                    "exports",
                    "alerts",
                    "workflows",
                    "integrations",
                    "search",
                    "comments",
                    "sharing",
                    "api_keys",
                    "billing",
                    "audit_log");

    private final SplittableRandom random;

    public BenchEventGenerator(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /** {@code count} events over {@code tenants}, the last one at {@code end}. */
    public GeneratedEvents generate(BenchTenants tenants, int count, Instant end) {
        return generate(tenants, count, end.minus(SPAN), end, "bench-");
    }

    /**
     * {@code count} events over {@code tenants}, rising evenly from {@code start} to {@code end},
     * with event ids {@code idPrefix + i}: another set must not pass for duplicates of the first.
     */
    public GeneratedEvents generate(
            BenchTenants tenants, int count, Instant start, Instant end, String idPrefix) {
        String[] keys = new String[count];
        byte[][] values = new byte[count][];
        long[] timestamps = new long[count];
        long startMs = start.toEpochMilli();
        long spanMs = end.toEpochMilli() - startMs;
        List<String> ids = tenants.ids();
        for (int i = 0; i < count; i++) {
            String tenant = ids.get(random.nextInt(ids.size()));
            long time = startMs + (long) ((double) spanMs * i / count);
            keys[i] = tenant;
            timestamps[i] = time;
            values[i] = randomEvent(idPrefix + i, tenant, Instant.ofEpochMilli(time));
        }
        return new GeneratedEvents(keys, values, timestamps);
    }

    /** One event of a random type by a random user of {@code tenant}. */
    public byte[] randomEvent(String eventId, String tenant, Instant time) {
        String user = "user-" + random.nextInt(USERS_PER_TENANT);
        int kind = random.nextInt(10);
        if (kind < 2) {
            return json(eventId, tenant, user, "login", null, time);
        }
        if (kind < 7) {
            String feature = FEATURES.get(random.nextInt(FEATURES.size()));
            return json(eventId, tenant, user, "feature_used", feature, time);
        }
        return json(eventId, tenant, user, "api_call", null, time);
    }

    /** The JSON of one event. Ids, types and features here never need escaping. */
    static byte[] json(
            String eventId, String tenant, String user, String type, String feature, Instant time) {
        StringBuilder json = new StringBuilder(192);
        json.append("{\"eventId\":\"").append(eventId);
        json.append("\",\"tenantId\":\"").append(tenant);
        json.append("\",\"userId\":\"").append(user);
        json.append("\",\"type\":\"").append(type);
        if (feature != null) {
            json.append("\",\"feature\":\"").append(feature);
        }
        json.append("\",\"timestamp\":\"").append(time).append("\"}");
        return json.toString().getBytes(StandardCharsets.UTF_8);
    }
}
