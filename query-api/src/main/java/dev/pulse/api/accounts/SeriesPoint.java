package dev.pulse.api.accounts;

import java.time.Instant;

/**
 * One point of a time series.
 *
 * @param t the start of the bucket (for daily scores: the start of the UTC day whose end-of-day
 *     score this is; for today: the current score)
 * @param value the metric's value: a count for engagement metrics, a score or a measure's raw
 *     reading for score metrics, 1 or 0 for {@code at_risk}
 * @param points for {@code measure.<id>} only: the reading mapped to 0–100 by the model
 */
record SeriesPoint(Instant t, Number value, Double points) {
    static SeriesPoint of(Instant t, Number value) {
        return new SeriesPoint(t, value, null);
    }
}
