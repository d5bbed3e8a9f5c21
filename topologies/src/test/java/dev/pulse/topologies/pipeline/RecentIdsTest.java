package dev.pulse.topologies.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** What the duplicate check may and may not conclude from its in-memory summary of stored ids. */
class RecentIdsTest {
    private static final long WINDOW = Duration.ofDays(2).toMillis();
    private static final long HOUR = Duration.ofHours(1).toMillis();
    private static final long START = Duration.ofDays(20_000).toMillis();

    @Test
    void neverDeniesAnIdItWasGivenAndRarelyClaimsOneItWasNot() {
        RecentIds ids = new RecentIds(WINDOW, 32L << 20);
        SplittableRandom random = new SplittableRandom(7);
        int count = 200_000;
        long[] times = new long[count];
        for (int i = 0; i < count; i++) {
            times[i] = START + random.nextLong(3 * WINDOW);
            assertThat(ids.add("t/" + i, times[i])).isFalse();
        }
        for (int i = 0; i < count; i++) {
            assertThat(ids.mightContain("t/" + i, times[i] + random.nextLong(-WINDOW, WINDOW)))
                    .as("id %d", i)
                    .isTrue();
        }
        int falsePositives = 0;
        for (int i = 0; i < count; i++) {
            if (ids.mightContain("u/" + i, START + random.nextLong(3 * WINDOW))) {
                falsePositives++;
            }
        }
        // Each query looks at up to three slots, each under 1 %.
        assertThat(falsePositives).isLessThan(count * 3 / 100);
        assertThat(ids.usedBytes()).isBetween(200_000L, 2_000_000L);
    }

    @Test
    void anIdOutsideTheWindowOfTheTimeAskedAboutIsNotSeen() {
        RecentIds ids = new RecentIds(WINDOW, 1L << 20);
        ids.add("t/1", START);

        assertThat(ids.mightContain("t/1", START + WINDOW)).isTrue();
        assertThat(ids.mightContain("t/1", START + 3 * WINDOW)).isFalse();
    }

    @Test
    void timesWhoseIdsWereDroppedAreLeftToTheStore() {
        RecentIds ids = new RecentIds(WINDOW, 1L << 20);
        ids.add("t/old", START);
        assertThat(ids.mightContain("t/never", START)).isFalse();

        ids.add("t/new", START + 10 * WINDOW);

        // The store may still hold ids of that time (it drops whole segments, later): ask it.
        assertThat(ids.mightContain("t/never", START)).isTrue();
        assertThat(ids.mightContain("t/never", START + 10 * WINDOW)).isFalse();
        assertThat(ids.add("t/late", START)).isFalse();
        assertThat(ids.mightContain("t/late", START)).isTrue();
    }

    @Test
    void aSlotOverBudgetStopsBeingTrackedAndAnswersMaybe() {
        // Room for the first filter of a slot (16,384 ids) and no more.
        RecentIds ids = new RecentIds(WINDOW, 30_000);
        int stoppedAt = -1;
        for (int i = 0; i < 20_000 && stoppedAt < 0; i++) {
            if (ids.add("t/" + i, START + i * HOUR / 1000)) {
                stoppedAt = i;
            }
        }

        assertThat(stoppedAt).isEqualTo(16_384);
        assertThat(ids.usedBytes()).isZero();
        assertThat(ids.mightContain("t/never", START)).isTrue();
        assertThat(ids.add("t/more", START)).isFalse(); // told once, when it stopped
    }
}
