package dev.pulse.app.bench;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;

/** Waits, polling every few milliseconds, until a counter of the pipeline reaches a target. */
final class CounterWait {
    private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(5);

    private CounterWait() {}

    /**
     * Returns System.nanoTime() when {@code counter} first reached {@code target}; throws when it
     * has not moved for {@code stall}, with {@code stalled} (given the last count) as the message.
     */
    static long until(LongSupplier counter, long target, Duration stall, LongFunctionText stalled) {
        long seen = counter.getAsLong();
        long lastProgress = System.nanoTime();
        while (seen < target) {
            LockSupport.parkNanos(POLL_NANOS);
            long now = System.nanoTime();
            long count = counter.getAsLong();
            if (count > seen) {
                seen = count;
                lastProgress = now;
            } else if (now - lastProgress > stall.toNanos()) {
                throw new IllegalStateException(stalled.text(seen));
            }
        }
        return System.nanoTime();
    }

    /** The failure message for the count reached. */
    interface LongFunctionText {
        String text(long seen);
    }
}
