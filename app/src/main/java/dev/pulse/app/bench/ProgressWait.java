package dev.pulse.app.bench;

import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Waits for a count to reach a target, polling every 5 ms. It gives up only when the count stops
 * moving for a minute, not after a fixed time: a slow machine is slow, a stuck pipeline is stuck.
 */
final class ProgressWait {
    static final Duration STALL_TIMEOUT = Duration.ofSeconds(60);
    static final Duration REPORT_EVERY = Duration.ofSeconds(30);

    private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(5);

    private ProgressWait() {}

    /**
     * Returns {@code System.nanoTime()} when {@code count} first reached {@code target}.
     *
     * @param what what is counted, for the failure ("events the pipeline counted")
     * @param whyStuck more detail for the failure, asked only when it fails
     */
    static long until(LongSupplier count, long target, String what, Supplier<String> whyStuck) {
        return until(count, target, what, whyStuck, line -> {});
    }

    /**
     * As above, telling {@code report} every {@link #REPORT_EVERY} how far the count has come, for
     * waits long enough that a silent terminal looks stuck.
     */
    static long until(
            LongSupplier count,
            long target,
            String what,
            Supplier<String> whyStuck,
            Consumer<String> report) {
        long seen = count.getAsLong();
        long lastProgress = System.nanoTime();
        long nextReport = lastProgress + REPORT_EVERY.toNanos();
        long reportedCount = seen;
        while (seen < target) {
            LockSupport.parkNanos(POLL_NANOS);
            long now = System.nanoTime();
            if (now - nextReport >= 0) {
                long current = count.getAsLong();
                report.accept(
                        String.format(
                                Locale.ROOT,
                                "  %,d of %,d %s (%.0f %%), %,.0f a second",
                                current,
                                target,
                                what,
                                100.0 * current / target,
                                (current - reportedCount) * 1e9 / REPORT_EVERY.toNanos()));
                reportedCount = current;
                nextReport = now + REPORT_EVERY.toNanos();
            }
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
