package dev.pulse.topologies.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class UtcDaysTest {
    @Test
    void theDayOfAMillisecondIsItsUtcDateAlsoBefore1970() {
        long lastOfDecember1969 = Instant.parse("1969-12-31T23:59:59.999Z").toEpochMilli();
        long firstOf2026 = Instant.parse("2026-01-01T00:00:00Z").toEpochMilli();

        assertThat(UtcDays.epochDayOfMs(lastOfDecember1969)).isEqualTo(-1);
        assertThat(UtcDays.dayOfMs(lastOfDecember1969)).isEqualTo(LocalDate.of(1969, 12, 31));
        assertThat(UtcDays.epochDayOfMs(firstOf2026))
                .isEqualTo(LocalDate.of(2026, 1, 1).toEpochDay());
        assertThat(UtcDays.epochDayOfMs(firstOf2026 - 1))
                .isEqualTo(LocalDate.of(2025, 12, 31).toEpochDay());
    }
}
