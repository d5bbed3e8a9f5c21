package dev.pulse.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {
    @Test
    void doublesUpToTheCeilingAndStartsOverAfterASuccess() {
        Backoff backoff = new Backoff(Duration.ofMillis(100), Duration.ofMillis(350));

        assertThat(backoff.failed()).isEqualTo(Duration.ofMillis(100));
        assertThat(backoff.failed()).isEqualTo(Duration.ofMillis(200));
        assertThat(backoff.failed()).isEqualTo(Duration.ofMillis(350));
        assertThat(backoff.failed()).isEqualTo(Duration.ofMillis(350));
        backoff.succeeded();
        assertThat(backoff.failed()).isEqualTo(Duration.ofMillis(100));
    }
}
