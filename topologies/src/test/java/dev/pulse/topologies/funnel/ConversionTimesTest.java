package dev.pulse.topologies.funnel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.pulse.topologies.serde.FunnelDaySerde;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ConversionTimesTest {
    @Test
    void putsTimesInTheirBuckets() {
        assertThat(ConversionTimes.bucketOf(0)).isZero();
        assertThat(ConversionTimes.bucketOf(Duration.ofMinutes(20).toMillis())).isEqualTo(1);
        assertThat(ConversionTimes.bucketOf(Duration.ofHours(5).toMillis())).isEqualTo(6);
        assertThat(ConversionTimes.bucketOf(Duration.ofDays(30).toMillis()))
                .isEqualTo(ConversionTimes.BUCKETS - 1);
    }

    @Test
    void interpolatesTheMedianWithinItsBucket() {
        long[] counts = new long[ConversionTimes.BUCKETS];
        counts[6] = 2; // 4-6 h
        counts[8] = 2; // 8-12 h

        assertThat(ConversionTimes.medianHours(counts)).isCloseTo(6.0, within(1e-9));
        assertThat(ConversionTimes.medianHours(new long[ConversionTimes.BUCKETS])).isNull();
    }

    @Test
    void dayTalliesAddUpAndSurviveTheStoreFormat() {
        Instant day = Instant.parse("2026-11-02T00:00:00Z");
        FunnelDay tallies =
                FunnelDay.empty(day)
                        .plus("reporting", 4, 0, 0)
                        .plus("reporting", 4, 0, 0)
                        .plus("reporting", 4, 1, Duration.ofHours(5).toMillis())
                        .plus("automation", 4, 0, 0);

        assertThat(tallies.steps("reporting"))
                .extracting(StepTally::users)
                .containsExactly(2L, 1L, 0L, 0L);
        assertThat(tallies.steps("reporting").get(1).medianHours()).isBetween(4.0, 6.0);
        assertThat(FunnelDaySerde.fromBytes(FunnelDaySerde.toBytes(tallies))).isEqualTo(tallies);
    }
}
