package dev.pulse.app.bench;

import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * Percentiles of a latency histogram recorded in microseconds, in milliseconds.
 *
 * @param count values recorded
 */
public record LatencySummary(
        long count, double p50, double p90, double p95, double p99, double max) {
    /** Latencies up to a minute, to three significant digits. */
    public static Histogram newHistogram() {
        return new Histogram(TimeUnit.MINUTES.toMicros(1), 3);
    }

    public static LatencySummary of(Histogram micros) {
        return new LatencySummary(
                micros.getTotalCount(),
                millis(micros.getValueAtPercentile(50)),
                millis(micros.getValueAtPercentile(90)),
                millis(micros.getValueAtPercentile(95)),
                millis(micros.getValueAtPercentile(99)),
                millis(micros.getMaxValue()));
    }

    private static double millis(long micros) {
        return micros / 1000.0;
    }
}
