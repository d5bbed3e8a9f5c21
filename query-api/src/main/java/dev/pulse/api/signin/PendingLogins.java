package dev.pulse.api.signin;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * Sign-ins started and not yet finished, by their {@code state}: what the callback needs (the PKCE
 * verifier, the nonce, where to return) and nothing the browser could alter. Each is used once and
 * lives {@code ttl}; at most {@code max} are kept, so unfinished sign-ins cannot fill memory.
 */
public final class PendingLogins {
    public static final Duration DEFAULT_TTL = Duration.ofMinutes(10);
    public static final int DEFAULT_MAX = 10_000;

    /**
     * One started sign-in.
     *
     * @param state the value the provider hands back
     * @param browser the value of the {@code pulse_login} cookie of the browser that started it
     */
    public record Pending(
            String state, String codeVerifier, String nonce, String returnTo, String browser) {
        /** The same sign-in, bound to {@code browser}. */
        public Pending boundTo(String browser) {
            return new Pending(state, codeVerifier, nonce, returnTo, browser);
        }
    }

    private final Cache<String, Pending> pending;

    public PendingLogins(Duration ttl, int max, Clock clock) {
        this.pending =
                Caffeine.newBuilder()
                        .maximumSize(max)
                        .expireAfterWrite(ttl)
                        .ticker(() -> ChronoUnit.NANOS.between(Instant.EPOCH, clock.instant()))
                        .executor(Runnable::run)
                        .build();
    }

    public void add(Pending login) {
        pending.put(login.state(), login);
    }

    /** The sign-in started with {@code state}, removed so it cannot be finished twice. */
    public Optional<Pending> take(String state) {
        return state == null
                ? Optional.empty()
                : Optional.ofNullable(pending.asMap().remove(state));
    }
}
