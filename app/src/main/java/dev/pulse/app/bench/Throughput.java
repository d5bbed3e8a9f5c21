package dev.pulse.app.bench;

import java.time.Duration;

/** {@code count} things done in {@code elapsed}. */
public record Throughput(long count, Duration elapsed) {
    public double perSecond() {
        long nanos = Math.max(1, elapsed.toNanos());
        return count * 1e9 / nanos;
    }

    static Throughput between(long count, long startNanos, long endNanos) {
        return new Throughput(count, Duration.ofNanos(endNanos - startNanos));
    }
}
