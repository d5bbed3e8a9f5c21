package dev.pulse.api.auth;

/**
 * Per-identity request limits: a token bucket of {@code burst} requests refilled at {@code
 * requestsPerSecond}. The same numbers bound failed authentication attempts per client address.
 */
public record RateLimitSettings(long requestsPerSecond, long burst) {
    public static final RateLimitSettings DEFAULT = new RateLimitSettings(50, 100);

    public RateLimitSettings {
        if (requestsPerSecond < 1) {
            throw new IllegalArgumentException(
                    "requestsPerSecond must be at least 1, not " + requestsPerSecond);
        }
        if (burst < 1) {
            throw new IllegalArgumentException("burst must be at least 1, not " + burst);
        }
    }
}
