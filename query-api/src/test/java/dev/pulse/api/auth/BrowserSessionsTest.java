package dev.pulse.api.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pulse.access.security.Principal;
import dev.pulse.access.security.Role;
import dev.pulse.access.security.ScopeSpec;
import dev.pulse.streams.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class BrowserSessionsTest {
    private static final Principal SARAH =
            new Principal(
                    "sarah@example.com",
                    "sarah@example.com",
                    Role.VIEWER,
                    ScopeSpec.OWN,
                    "session");

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T09:00:00Z"));
    private final BrowserSessions sessions =
            new BrowserSessions(Duration.ofMinutes(30), Duration.ofHours(8), 3, clock);

    @Test
    void findsAnOpenSessionByItsId() {
        BrowserSession session = sessions.open(SARAH);

        assertThat(sessions.find(session.id())).hasValue(session);
        assertThat(session.id()).isNotEqualTo(session.csrfToken()).hasSizeGreaterThanOrEqualTo(43);
    }

    @Test
    void endsAfterTheIdleTimeoutWithoutUse() {
        BrowserSession session = sessions.open(SARAH);

        clock.advance(Duration.ofMinutes(30).plusSeconds(1));

        assertThat(sessions.find(session.id())).isEmpty();
    }

    @Test
    void useKeepsItAliveUntilTheAbsoluteLimit() {
        BrowserSession session = sessions.open(SARAH);
        for (int i = 0; i < 15; i++) {
            clock.advance(Duration.ofMinutes(29));
            assertThat(sessions.find(session.id())).as("after %d uses", i).isPresent();
        }
        clock.advance(Duration.ofMinutes(29));
        assertThat(sessions.find(session.id())).as("past eight hours").isPresent();
        clock.advance(Duration.ofMinutes(29));
        // 8 h 15 min after sign-in
        assertThat(sessions.find(session.id())).isEmpty();
    }

    @Test
    void closedSessionsAreGone() {
        BrowserSession session = sessions.open(SARAH);

        sessions.close(session.id());

        assertThat(sessions.find(session.id())).isEmpty();
    }

    @Test
    void unknownAndEmptyIdsFindNothing() {
        assertThat(sessions.find("no-such-session")).isEmpty();
        assertThat(sessions.find("")).isEmpty();
        assertThat(sessions.find(null)).isEmpty();
    }

    @Test
    void keepsAtMostTheConfiguredNumber() {
        for (int i = 0; i < 10; i++) {
            sessions.open(SARAH);
        }

        assertThat(sessions.size()).isLessThanOrEqualTo(3);
    }

    @Test
    void refusesAMaxAgeShorterThanTheIdleTimeout() {
        assertThatThrownBy(
                        () ->
                                new BrowserSessions(
                                        Duration.ofHours(1), Duration.ofMinutes(5), 10, clock))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
