package dev.pulse.api.http;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** A half-open range {@code [from, to)} taken from the {@code from} and {@code to} parameters. */
public record TimeRange(Instant from, Instant to) {

    /**
     * Applies defaults ({@code to} = now, {@code from} = {@code to} minus the default span) and
     * checks the range is non-empty and not longer than {@code maxSpan}.
     *
     * @param limitHint says which limit applies, e.g. "with step=hour", for the error message
     */
    public static TimeRange resolve(
            Optional<Instant> from,
            Optional<Instant> to,
            Instant now,
            Duration defaultSpan,
            Duration maxSpan,
            String limitHint) {
        Instant end = to.orElse(now);
        Instant start = from.orElse(end.minus(defaultSpan));
        if (!start.isBefore(end)) {
            throw ProblemException.badParameter(
                    "from", "must be before 'to', but from=" + start + " and to=" + end);
        }
        if (Duration.between(start, end).compareTo(maxSpan) > 0) {
            throw ProblemException.badRequest(
                            "range too large: from "
                                    + start
                                    + " to "
                                    + end
                                    + " is longer than "
                                    + maxSpan.toDays()
                                    + " days, the most allowed "
                                    + limitHint)
                    .with("parameter", "from");
        }
        return new TimeRange(start, end);
    }

    public static TimeRange resolve(
            RequestParams params,
            Instant now,
            Duration defaultSpan,
            Duration maxSpan,
            String limitHint) {
        return resolve(
                params.instant("from"), params.instant("to"), now, defaultSpan, maxSpan, limitHint);
    }
}
