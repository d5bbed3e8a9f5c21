package dev.pulse.topologies.engagement;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
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

    /**
     * Re-scoring cuts every day's history out of one array of a tenant's days: what the cut reads
     * must be what reading only those days gives, also for windows reaching past its first day.
     */
    @Test
    void aCutOfALongerRunOfDaysReadsLikeThoseDaysAlone() {
        LocalDate first = TODAY.minusDays(199);
        EngagementBucket[] run = new EngagementBucket[230];
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < run.length; i++) {
            run[i] = random.nextInt(5) == 0 ? null : bucket(random.nextInt(0, 40));
        }
        DayBuckets days = new DayBuckets(run, first);
        for (Instant asOf :
                new Instant[] {AS_OF, AS_OF.minusSeconds(13 * 3600), AS_OF.minusSeconds(60)}) {
            LocalDate today = LocalDate.ofInstant(asOf.minusMillis(1), java.time.ZoneOffset.UTC);
            LocalDate from = today.minusDays(99);
            Map<LocalDate, EngagementBucket> alone = new HashMap<>();
            for (LocalDate day = from; !day.isAfter(today); day = day.plusDays(1)) {
                EngagementBucket bucket = run[(int) (day.toEpochDay() - first.toEpochDay())];
                if (bucket != null) {
                    alone.put(day, bucket);
                }
            }
            DailyHistory cut = days.history(from, today, asOf);
            DailyHistory read = new DailyHistory(alone, asOf);
            assertThat(cut.lastActiveDay()).isEqualTo(read.lastActiveDay());
            assertThat(cut.isEmpty()).isEqualTo(read.isEmpty());
            for (int window : new int[] {1, 7, 14, 30, 99, 100, 120}) {
                assertThat(cut.buckets(window)).isEqualTo(read.buckets(window));
                assertThat(cut.activeDays(window)).isEqualTo(read.activeDays(window));
                assertThat(cut.lastDays(window).buckets(window))
                        .isEqualTo(read.lastDays(window).buckets(window));
                for (int skip : new int[] {0, 1, 7, 14, 50, 95, 101}) {
                    assertThat(cut.count(window, skip, EngagementBucket::events))
                            .isEqualTo(read.count(window, skip, EngagementBucket::events));
                    assertThat(cut.countShifted(window, skip, EngagementBucket::events))
                            .isEqualTo(read.countShifted(window, skip, EngagementBucket::events));
                }
            }
        }
    }

    /** The at-risk reading sums running totals; they must give exactly what summing days gives. */
    @Test
    void runningTotalsSumExactlyWhatCountingTheDaysSums() {
        Map<LocalDate, EngagementBucket> days = new HashMap<>();
        SplittableRandom random = new SplittableRandom(11);
        for (int back = 0; back < 100; back++) {
            if (random.nextInt(6) > 0) {
                days.put(TODAY.minusDays(back), bucket(random.nextInt(0, 1000)));
            }
        }
        for (Instant asOf : new Instant[] {AS_OF, AS_OF.minusSeconds(7 * 3600 + 17)}) {
            DailyHistory history = new DailyHistory(days, asOf);
            DailyHistory.Counts counts = history.counts(EngagementBucket::events);
            for (int window = 1; window <= 30; window += 3) {
                for (int skip = 0; skip <= 100; skip += 7) {
                    assertThat(counts.count(window, skip))
                            .isEqualTo(history.count(window, skip, EngagementBucket::events));
                    assertThat(counts.countShifted(window, skip))
                            .isEqualTo(
                                    history.countShifted(window, skip, EngagementBucket::events));
                }
            }
        }
    }

    private static EngagementBucket bucket(long events) {
        return new EngagementBucket(
                events, new TreeMap<>(), new TreeMap<>(), (HllSketch) null, 0, 0);
    }
}
