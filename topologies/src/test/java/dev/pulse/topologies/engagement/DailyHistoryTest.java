package dev.pulse.topologies.engagement;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import org.apache.datasketches.hll.HllSketch;
import org.junit.jupiter.api.Test;

class DailyHistoryTest {
    private static final Instant AS_OF = Instant.parse("2026-11-30T00:00:00Z");
    private static final LocalDate TODAY = LocalDate.parse("2026-11-29");

    /** The alert rules judge a closed day on a cut of what the scoring read: it must be exact. */
    @Test
    void theLastDaysOfALongerReadAreWhatAShorterReadGives() {
        Map<LocalDate, EngagementBucket> ninetyDays = new HashMap<>();
        Map<LocalDate, EngagementBucket> thirtyDays = new HashMap<>();
        for (int back = 0; back < 90; back++) {
            LocalDate day = TODAY.minusDays(back);
            // Active only more than 30 days ago, and a quiet last month: the cut has no active day.
            EngagementBucket bucket = bucket(back >= 30 ? 5 + back % 7 : 0);
            ninetyDays.put(day, bucket);
            if (back < 30) {
                thirtyDays.put(day, bucket);
            }
        }
        DailyHistory cut = new DailyHistory(ninetyDays, AS_OF).lastDays(30);
        DailyHistory read = new DailyHistory(thirtyDays, AS_OF);

        assertThat(cut.asOf()).isEqualTo(read.asOf());
        assertThat(cut.today()).isEqualTo(read.today());
        assertThat(cut.lastActiveDay()).isNull();
        assertThat(read.lastActiveDay()).isNull();
        for (int window : new int[] {1, 7, 14, 30}) {
            assertThat(cut.buckets(window)).isEqualTo(read.buckets(window));
            assertThat(cut.activeDays(window)).isEqualTo(read.activeDays(window));
            assertThat(cut.count(window, 0, EngagementBucket::events))
                    .isEqualTo(read.count(window, 0, EngagementBucket::events));
        }
        assertThat(new DailyHistory(ninetyDays, AS_OF).lastActiveDay())
                .isEqualTo(TODAY.minusDays(30));
    }

    private static EngagementBucket bucket(long events) {
        return new EngagementBucket(
                events, new TreeMap<>(), new TreeMap<>(), (HllSketch) null, 0, 0);
    }
}
