package dev.pulse.api.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import dev.pulse.access.security.Principal;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;

/**
 * The browser sessions of this instance, in memory: a session ends after {@code idleTimeout}
 * without a request and in any case {@code maxAge} after sign-in. At most {@code maxSessions} are
 * kept, so a flood of sign-ins cannot exhaust memory; beyond that Caffeine's admission policy keeps
 * the sessions in use over ones never used again.
 *
 * <p>Sessions do not survive a restart and are not shared between instances: people sign in again
 * (the identity provider usually remembers them, so that is one redirect).
 */
public final class BrowserSessions {
    /** Well above the target of 1,000 concurrent users; a few MB at most. */
    public static final int DEFAULT_MAX_SESSIONS = 20_000;

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Cache<String, BrowserSession> sessions;
    private final Duration idleTimeout;
    private final Duration maxAge;
    private final Clock clock;

    public BrowserSessions(Duration idleTimeout, Duration maxAge, int maxSessions, Clock clock) {
        if (idleTimeout.isNegative() || idleTimeout.isZero()) {
            throw new IllegalArgumentException("session idle timeout must be positive");
        }
        if (maxAge.compareTo(idleTimeout) < 0) {
            throw new IllegalArgumentException(
                    "session max age (" + maxAge + ") must be at least the idle timeout");
        }
        this.idleTimeout = idleTimeout;
        this.maxAge = maxAge;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.sessions =
                Caffeine.newBuilder()
                        .maximumSize(maxSessions)
                        .expireAfter(new Lifetime())
                        .ticker(() -> ChronoUnit.NANOS.between(Instant.EPOCH, clock.instant()))
                        .executor(Runnable::run)
                        .build();
    }

    /** A new session for {@code principal}, with fresh random id and CSRF token. */
    public BrowserSession open(Principal principal) {
        BrowserSession session =
                new BrowserSession(randomToken(), randomToken(), principal, clock.instant());
        sessions.put(session.id(), session);
        return session;
    }

    /** The live session with this id; finding it counts as activity. */
    public Optional<BrowserSession> find(String id) {
        return id == null || id.isEmpty()
                ? Optional.empty()
                : Optional.ofNullable(sessions.getIfPresent(id));
    }

    /** Ends the session; nothing happens when it already ended. */
    public void close(String id) {
        if (id != null) {
            sessions.invalidate(id);
        }
    }

    /** Sessions held now, after dropping the ended ones. */
    long size() {
        sessions.cleanUp();
        return sessions.estimatedSize();
    }

    /** How long a session lasts at most: the session cookie's Max-Age. */
    public Duration maxAge() {
        return maxAge;
    }

    static String randomToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Idle timeout from the last use, never beyond the absolute end. */
    private final class Lifetime implements Expiry<String, BrowserSession> {
        @Override
        public long expireAfterCreate(String id, BrowserSession session, long now) {
            return remaining(session);
        }

        @Override
        public long expireAfterUpdate(
                String id, BrowserSession session, long now, long currentDuration) {
            return remaining(session);
        }

        @Override
        public long expireAfterRead(
                String id, BrowserSession session, long now, long currentDuration) {
            return remaining(session);
        }

        private long remaining(BrowserSession session) {
            Duration left = Duration.between(clock.instant(), session.created().plus(maxAge));
            Duration until = left.compareTo(idleTimeout) < 0 ? left : idleTimeout;
            return Math.max(0, until.toNanos());
        }
    }
}
