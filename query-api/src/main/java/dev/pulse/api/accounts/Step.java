package dev.pulse.api.accounts;

import dev.pulse.api.http.ProblemException;
import dev.pulse.api.http.RequestParams;
import dev.pulse.streams.read.TenantStateReader.Granularity;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * Bucket size of a time series, with the default span and the longest range it may cover: hourly
 * engagement is kept for 90 days, daily history for two years.
 */
enum Step {
    HOUR(Duration.ofHours(1), Duration.ofHours(48), Duration.ofDays(90), Granularity.HOUR),
    DAY(Duration.ofDays(1), Duration.ofDays(30), Duration.ofDays(731), Granularity.DAY);

    private final Duration bucket;
    private final Duration defaultSpan;
    private final Duration maxSpan;
    private final Granularity granularity;

    Step(Duration bucket, Duration defaultSpan, Duration maxSpan, Granularity granularity) {
        this.bucket = bucket;
        this.defaultSpan = defaultSpan;
        this.maxSpan = maxSpan;
        this.granularity = granularity;
    }

    static Step parse(Optional<String> value) {
        if (value.isEmpty()) {
            return DAY;
        }
        return switch (value.get().toLowerCase(Locale.ROOT)) {
            case "hour" -> HOUR;
            case "day" -> DAY;
            default ->
                    throw ProblemException.badParameter(
                            "step",
                            "must be hour or day, not '" + value.get().replace("'", "") + "'");
        };
    }

    static Step from(RequestParams params) {
        return parse(params.optional("step"));
    }

    String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    Duration bucket() {
        return bucket;
    }

    Duration defaultSpan() {
        return defaultSpan;
    }

    Duration maxSpan() {
        return maxSpan;
    }

    Granularity granularity() {
        return granularity;
    }
}
