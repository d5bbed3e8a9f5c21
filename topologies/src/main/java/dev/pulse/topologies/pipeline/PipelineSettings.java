package dev.pulse.topologies.pipeline;

import io.soabase.recordbuilder.core.RecordBuilder;
import java.time.Duration;

/**
 * Tunables of the health pipeline: the {@code pipeline} section of Pulse's configuration. The
 * {@code withGrace(…)} … copies come from the generated {@code PipelineSettingsBuilder}.
 *
 * @param grace how late an event may arrive (behind the newest event time seen) and still count
 * @param dedupWindow how long an event id is remembered to drop re-deliveries
 * @param hourlyRetention how long hourly engagement is kept
 * @param dailyRetention how long daily engagement and daily scores are kept
 * @param scoreRefreshInterval how soon after an event the tenant's score is recomputed
 * @param fullRecomputeInterval how often every tenant is rescored, so silent ones decay
 * @param alertEvaluationInterval how often every tenant's alert rules are evaluated (wall clock),
 *     so silence and {@code for} durations progress without new events
 * @param caughtUpAfterIdle a task that processed nothing for this long has no backlog, so its data
 *     counts as caught up whatever its stream time (see {@code EventTimeClock}); null (left out of
 *     the configuration): five minutes
 * @param dedupFilterMegabytes memory per task for the in-memory summary of the event ids it holds
 *     (Bloom filters, about 2.6 bytes per id), which spares the id store's range fetch for ids
 *     never seen; beyond it, ids are checked in the store; null (left out of the configuration): 32
 * @param scoreRefreshShare the largest share of wall-clock time a task spends rescoring its tenants
 *     with new events: past it, the refresh comes later than {@code scoreRefreshInterval} (see
 *     {@code RefreshBudget}); null (left out of the configuration): 0.02
 */
@RecordBuilder
public record PipelineSettings(
        Duration grace,
        Duration dedupWindow,
        Duration hourlyRetention,
        Duration dailyRetention,
        Duration scoreRefreshInterval,
        Duration fullRecomputeInterval,
        Duration alertEvaluationInterval,
        Duration caughtUpAfterIdle,
        Integer dedupFilterMegabytes,
        Double scoreRefreshShare)
        implements PipelineSettingsBuilder.With {

    public static final Duration DEFAULT_CAUGHT_UP_AFTER_IDLE = Duration.ofMinutes(5);
    public static final int DEFAULT_DEDUP_FILTER_MEGABYTES = 32;
    public static final double DEFAULT_SCORE_REFRESH_SHARE = 0.02;

    public PipelineSettings {
        caughtUpAfterIdle =
                caughtUpAfterIdle == null ? DEFAULT_CAUGHT_UP_AFTER_IDLE : caughtUpAfterIdle;
        dedupFilterMegabytes =
                dedupFilterMegabytes == null
                        ? DEFAULT_DEDUP_FILTER_MEGABYTES
                        : dedupFilterMegabytes;
        scoreRefreshShare =
                scoreRefreshShare == null ? DEFAULT_SCORE_REFRESH_SHARE : scoreRefreshShare;
        if (!(scoreRefreshShare > 0 && scoreRefreshShare <= 1)) {
            throw new IllegalArgumentException(
                    "scoreRefreshShare must be above 0 and at most 1, got " + scoreRefreshShare);
        }
        if (dedupFilterMegabytes <= 0) {
            throw new IllegalArgumentException(
                    "dedupFilterMegabytes must be positive, got " + dedupFilterMegabytes);
        }
        requirePositive(grace.plusMillis(1), "grace");
        requirePositive(dedupWindow, "dedupWindow");
        requirePositive(scoreRefreshInterval, "scoreRefreshInterval");
        requirePositive(fullRecomputeInterval, "fullRecomputeInterval");
        requirePositive(alertEvaluationInterval, "alertEvaluationInterval");
        requirePositive(caughtUpAfterIdle, "caughtUpAfterIdle");
        if (hourlyRetention.compareTo(Duration.ofHours(1).plus(grace)) < 0) {
            throw new IllegalArgumentException("hourlyRetention must be at least 1 hour + grace");
        }
        if (dailyRetention.compareTo(Duration.ofDays(1).plus(grace)) < 0) {
            throw new IllegalArgumentException("dailyRetention must be at least 1 day + grace");
        }
    }

    /** Two years of daily history, 90 days of hourly, one hour of grace, alerts every minute. */
    public static PipelineSettings defaults() {
        return new PipelineSettings(
                Duration.ofHours(1),
                Duration.ofDays(2),
                Duration.ofDays(90),
                Duration.ofDays(731),
                Duration.ofMillis(200),
                Duration.ofMinutes(1),
                Duration.ofMinutes(1),
                DEFAULT_CAUGHT_UP_AFTER_IDLE,
                DEFAULT_DEDUP_FILTER_MEGABYTES,
                DEFAULT_SCORE_REFRESH_SHARE);
    }

    private static void requirePositive(Duration value, String name) {
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, got " + value);
        }
    }
}
