package dev.pulse.api.signin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pulse.streams.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PendingLoginsTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T09:00:00Z"));
    private final PendingLogins pending = new PendingLogins(Duration.ofMinutes(10), 100, clock);

    @Test
    void aSignInCanBeFinishedOnce() {
        PendingLogins.Pending login =
                new PendingLogins.Pending("s1", "verifier", "nonce", "/x", "b");
        pending.add(login);

        assertThat(pending.take("s1")).hasValue(login);
        assertThat(pending.take("s1")).isEmpty();
    }

    @Test
    void aSignInStartedTooLongAgoIsGone() {
        pending.add(new PendingLogins.Pending("s1", "verifier", "nonce", "/", "b"));

        clock.advance(Duration.ofMinutes(10).plusSeconds(1));

        assertThat(pending.take("s1")).isEmpty();
    }

    @Test
    void unknownStatesFindNothing() {
        assertThat(pending.take("never-started")).isEmpty();
        assertThat(pending.take(null)).isEmpty();
    }
}
