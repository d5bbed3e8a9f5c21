package dev.pulse.api.accounts;

import dev.pulse.api.http.ProblemException;
import dev.pulse.api.http.RequestParams;
import dev.pulse.api.http.TimeRange;
import dev.pulse.topologies.time.UtcDays;
import java.time.Instant;

/**
 * The validated parameters of a time-series request.
 *
 * @param from the requested {@code from} rounded down to the start of its bucket
 * @param to the requested {@code to}, exclusive
 */
record TimeseriesQuery(TimeseriesMetric metric, Step step, Instant from, Instant to) {

    static TimeseriesQuery parse(RequestParams params, Instant now) {
        TimeseriesMetric metric =
                TimeseriesMetric.parse(
                        params.required("metric", "one of " + TimeseriesMetric.VALID));
        Step step = Step.from(params);
        if (metric.fromDailyScores() && step == Step.HOUR) {
            throw ProblemException.badParameter(
                    "step",
                    "must be day for "
                            + metric.label()
                            + ": health scores are kept as one end-of-day score per UTC day"
                            + " (the current score is the last point of a range that reaches"
                            + " today)");
        }
        TimeRange range =
                TimeRange.resolve(
                        params,
                        now,
                        step.defaultSpan(),
                        step.maxSpan(),
                        "with step=" + step.label());
        return new TimeseriesQuery(
                metric, step, UtcDays.floor(range.from(), step.bucket()), range.to());
    }
}
