package dev.pulse.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import org.junit.jupiter.api.Test;

class WarehouseHealthTest {
    private final WarehouseHealth health = new WarehouseHealth(Clock.systemUTC());

    @Test
    void aPartThisInstanceHandedToAnotherNoLongerCounts() {
        health.succeeded("sink");
        health.failed("events-source", new IllegalStateException("connection refused"));
        health.behind("events-source", 500);
        assertThat(health.up()).isFalse();

        health.forget("events-source");

        assertThat(health.up()).isTrue();
        assertThat(health.details()).containsOnlyKeys("status", "sink");
    }
}
