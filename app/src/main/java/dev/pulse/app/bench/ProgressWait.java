package dev.pulse.app.bench;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Waits for a count to reach a target, polling every 5 ms. It gives up only when the count stops
 * moving for a minute, not after a fixed time: a slow machine is slow, a stuck pipeline is stuck.
 */
final class ProgressWait {
    static final Duration STALL_TIMEOUT = Duration.ofSeconds(60);

    private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(5);

    private ProgressWait() {}

    /**
     * Returns {@code System.nanoTime()} when {@code count} first reached {@code target}.
     *
     * @param what what is counted, for the failure ("events the pipeline counted")
     * @param whyStuck more detail for the failure, asked only when it fails
     */
    static long until(LongSupplier count, long target, String what, Supplier<String> whyStuck) {
        long seen = count.getAsLong();
        long lastProgress = System.nanoTime();
        while (seen < target) {
            LockSupport.parkNanos(POLL_NANOS);
            long now = System.nanoTime();
            long current = count.getAsLong();
            if (current > seen) {
                seen = current;
                lastProgress = now;
            } else if (now - lastProgress > STALL_TIMEOUT.toNanos()) {
                throw new IllegalStateException(
                        String.format(
                                "%s: %,d of %,d, and no progress for %d s%s",
                                what, seen, target, STALL_TIMEOUT.toSeconds(), whyStuck.get()));
            }
        }
        return System.nanoTime();
    }
}
