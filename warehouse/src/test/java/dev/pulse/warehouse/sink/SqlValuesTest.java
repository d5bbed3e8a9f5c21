package dev.pulse.warehouse.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pulse.topologies.health.Band;
import dev.pulse.warehouse.testing.ResultRecords;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SqlValuesTest {
    @Test
    void readsTheStoreKeyAndWindowStartOfAWindowChangelogKey() {
        Instant start = Instant.parse("2026-03-04T00:00:00Z");

        SqlValues.WindowedKey key = SqlValues.windowedKey(ResultRecords.windowKey("acme/é", start));

        assertThat(key.key()).isEqualTo("acme/é");
        assertThat(key.windowStart()).isEqualTo(start);
    }

    @Test
    void refusesAKeyTooShortToHoldAWindow() {
        assertThatThrownBy(() -> SqlValues.windowedKey(new byte[11]))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void namesEnumsAsPulsesJsonDoes() {
        assertThat(SqlValues.label(Band.AT_RISK)).isEqualTo("at_risk");
        assertThat(SqlValues.json(java.util.Map.of("login", 3L))).isEqualTo("{\"login\":3}");
    }
}
