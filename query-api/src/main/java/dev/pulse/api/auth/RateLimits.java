package dev.pulse.api.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import java.util.Optional;

/**
 * Token buckets (Bucket4j, in memory, per instance): one per authenticated subject, charged for
 * every request, and one per client address, charged for every failed authentication. Only failures
 * are throttled: an address whose failures emptied its bucket gets 429 for its next failures, while
 * valid credentials from it still pass. Pulse's credentials are signed tokens and 256-bit keys,
 * which no rate of guessing finds, so the throttle bounds the noise of bad attempts; refusing valid
 * ones would let anyone behind a shared proxy lock everyone else out.
 *
 * <p>Each cache keeps the most used buckets only ({@link #MAX_BUCKETS}); a bucket evicted and
 * created again starts full, which errs on the caller's side.
 */
public final class RateLimits {
    static final int MAX_BUCKETS = 100_000;

    private final RateLimitSettings settings;
    private final Cache<String, Bucket> subjects = buckets();
    private final Cache<String, Bucket> addresses = buckets();

    public RateLimits(RateLimitSettings settings) {
        this.settings = settings;
    }

    public RateLimitSettings settings() {
        return settings;
    }

    /** Charges one request to {@code subject}; empty when allowed, else how long to wait. */
    public Optional<Duration> tryRequest(String subject) {
        ConsumptionProbe probe = bucket(subjects, subject).tryConsumeAndReturnRemaining(1);
        return probe.isConsumed()
                ? Optional.empty()
                : Optional.of(Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }

    /**
     * Charges one failed authentication to {@code address}: empty while within its budget, else how
     * long until it has budget again.
     */
    public Optional<Duration> authenticationFailed(String address) {
        ConsumptionProbe probe = bucket(addresses, address).tryConsumeAndReturnRemaining(1);
        return probe.isConsumed()
                ? Optional.empty()
                : Optional.of(Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }

    private Bucket bucket(Cache<String, Bucket> buckets, String key) {
        return buckets.get(key, k -> newBucket());
    }

    private Bucket newBucket() {
        return Bucket.builder()
                .addLimit(
                        limit ->
                                limit.capacity(settings.burst())
                                        .refillGreedy(
                                                settings.requestsPerSecond(),
                                                Duration.ofSeconds(1)))
                .build();
    }

    private static Cache<String, Bucket> buckets() {
        return Caffeine.newBuilder().maximumSize(MAX_BUCKETS).build();
    }
}
