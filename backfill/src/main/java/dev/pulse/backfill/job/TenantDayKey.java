package dev.pulse.backfill.job;

/**
 * The grouping key of a tenant-day as one {@code long}: a 64-bit hash of the tenant and the day.
 *
 * <p>Flink's batch grouping sorts every event by its key; a fixed-length key is compared as eight
 * bytes, where the tenant-and-day text it replaces was compared byte by byte through its variable
 * length (three quarters of the sorting thread's time). A hash can collide, so the key only groups:
 * {@link CountTenantDay} keeps the tenant-days that share a key apart by tenant and day.
 */
final class TenantDayKey {
    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;
    private static final long GOLDEN = 0x9e3779b97f4a7c15L;

    private TenantDayKey() {}

    static long of(String tenant, long epochDay) {
        long hash = FNV_OFFSET;
        for (int i = 0; i < tenant.length(); i++) {
            hash = (hash ^ tenant.charAt(i)) * FNV_PRIME;
        }
        return mix(hash ^ (epochDay * GOLDEN));
    }

    /** MurmurHash3's finalizer: spreads the day's bits over the whole key. */
    private static long mix(long h) {
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb93fe53e1a85L;
        h ^= h >>> 33;
        return h;
    }
}
