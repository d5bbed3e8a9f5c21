package dev.pulse.streams.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RefreshingSnapshotTest {
    private static final Duration TTL = Duration.ofSeconds(1);

    private final AtomicLong now = new AtomicLong();
    private final AtomicInteger loads = new AtomicInteger();
    private final ExecutorService callers = Executors.newFixedThreadPool(8);

    @AfterEach
    void stopCallers() {
        callers.shutdownNow();
    }

    @Test
    void loadsOnFirstUseAndAgainOnlyOnceItIsOlderThanItsTimeToLive() {
        RefreshingSnapshot<Integer> snapshot =
                new RefreshingSnapshot<>(TTL, loads::incrementAndGet, now::get);

        assertThat(snapshot.get()).isEqualTo(1);
        now.addAndGet(TTL.toNanos());
        assertThat(snapshot.get()).isEqualTo(1);
        now.incrementAndGet();
        assertThat(snapshot.get()).isEqualTo(2);
        assertThat(loads).hasValue(2);
    }

    @Test
    void whileOneCallerReloadsTheOthersGetThePreviousValue() throws Exception {
        CountDownLatch reloading = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        RefreshingSnapshot<Integer> snapshot =
                new RefreshingSnapshot<>(
                        TTL,
                        () -> {
                            int load = loads.incrementAndGet();
                            if (load == 2) {
                                reloading.countDown();
                                await(release);
                            }
                            return load;
                        },
                        now::get);
        snapshot.get();
        now.addAndGet(TTL.toNanos() + 1);

        Future<Integer> reloader = callers.submit(snapshot::get);
        assertThat(reloading.await(10, TimeUnit.SECONDS)).isTrue();
        List<Future<Integer>> others = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            others.add(callers.submit(snapshot::get));
        }
        for (Future<Integer> other : others) {
            assertThat(other.get(10, TimeUnit.SECONDS)).isEqualTo(1);
        }
        release.countDown();

        assertThat(reloader.get(10, TimeUnit.SECONDS)).isEqualTo(2);
        assertThat(snapshot.get()).isEqualTo(2);
        assertThat(loads).hasValue(2);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
