package dev.pulse.app.bench;

import java.time.Duration;
import java.util.Optional;

/**
 * What one benchmark run does: how much data, how many freshness samples, how long and how hard the
 * query load runs, and how the topologies are laid out.
 *
 * @param events usage events produced in the ingest phase (and in the producer baseline)
 * @param tenants tenants the events are spread over; 30 share one account manager
 * @param samples end-to-end freshness samples
 * @param queryDuration measured time of each query load, after the warm-up
 * @param warmup unrecorded load before each measured query load
 * @param concurrency concurrent closed-loop HTTP clients
 * @param partitions partitions of the usage-events topic
 * @param threads Kafka Streams threads
 * @param seed seed of the generated data, so runs are comparable
 * @param reportRenders renders of each report in the reports phase; 0 skips the phase
 * @param dashboard the dashboard phase: page loads in a real browser
 * @param batchDatabase PostgreSQL for the batch design beside Pulse; empty skips that phase
 */
public record BenchPlan(
        int events,
        int tenants,
        int samples,
        Duration queryDuration,
        Duration warmup,
        int concurrency,
        int partitions,
        int threads,
        long seed,
        int reportRenders,
        DashboardPlan dashboard,
        Optional<String> batchDatabase) {

    public BenchPlan {
        requirePositive(events, "events");
        requirePositive(tenants, "tenants");
        requirePositive(samples, "samples");
        requirePositive(concurrency, "concurrency");
        requirePositive(partitions, "partitions");
        requirePositive(threads, "threads");
        if (reportRenders < 0) {
            throw new IllegalArgumentException(
                    "report renders must not be negative, was " + reportRenders);
        }
        if (queryDuration.isNegative() || queryDuration.isZero()) {
            throw new IllegalArgumentException("the query duration must be positive");
        }
        if (warmup.isNegative()) {
            throw new IllegalArgumentException("the warm-up must not be negative");
        }
    }

    private static void requirePositive(int value, String name) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive, was " + value);
        }
    }
}
