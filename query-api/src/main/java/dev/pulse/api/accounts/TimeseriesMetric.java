package dev.pulse.api.accounts;

import dev.pulse.api.http.ProblemException;
import dev.pulse.streams.read.EngagementPoint;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A metric a time series can show: the daily health score, one of its measures or the daily at-risk
 * decision, or an engagement count per bucket.
 *
 * @param qualifier the measure id of {@code measure.<id>} or the event type of {@code
 *     events.<type>}; null for the other kinds
 */
record TimeseriesMetric(Kind kind, String qualifier) {
    static final String VALID =
            "health_score, at_risk, measure.<id>, active_users, events, events.<type>,"
                    + " features_used";

    private static final Pattern MEASURE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");
    private static final Pattern EVENT_TYPE = Pattern.compile("[a-z][a-z0-9_]{0,63}");

    enum Kind {
        HEALTH_SCORE,
        AT_RISK,
        MEASURE,
        ACTIVE_USERS,
        EVENTS,
        EVENTS_OF_TYPE,
        FEATURES_USED
    }

    static TimeseriesMetric parse(String text) {
        switch (text) {
            case "health_score":
                return new TimeseriesMetric(Kind.HEALTH_SCORE, null);
            case "at_risk":
                return new TimeseriesMetric(Kind.AT_RISK, null);
            case "active_users":
                return new TimeseriesMetric(Kind.ACTIVE_USERS, null);
            case "events":
                return new TimeseriesMetric(Kind.EVENTS, null);
            case "features_used":
                return new TimeseriesMetric(Kind.FEATURES_USED, null);
            default:
                break;
        }
        if (text.startsWith("measure.")) {
            String id = text.substring("measure.".length());
            if (MEASURE_ID.matcher(id).matches()) {
                return new TimeseriesMetric(Kind.MEASURE, id);
            }
        } else if (text.startsWith("events.")) {
            String type = text.substring("events.".length());
            if (EVENT_TYPE.matcher(type).matches()) {
                return new TimeseriesMetric(Kind.EVENTS_OF_TYPE, type);
            }
        }
        throw ProblemException.badParameter(
                "metric", "must be one of " + VALID + "; '" + shorten(text) + "' is none of them");
    }

    /** True for metrics read from the daily health-score history. */
    boolean fromDailyScores() {
        return kind == Kind.HEALTH_SCORE || kind == Kind.AT_RISK || kind == Kind.MEASURE;
    }

    /** The metric's value in one engagement bucket. */
    long valueOf(EngagementPoint bucket) {
        return switch (kind) {
            case EVENTS -> bucket.events();
            case EVENTS_OF_TYPE -> count(bucket.byType(), qualifier);
            case ACTIVE_USERS -> bucket.activeUsers();
            case FEATURES_USED ->
                    bucket.features() == null
                            ? 0
                            : bucket.features().values().stream()
                                    .filter(uses -> uses != null && uses > 0)
                                    .count();
            default -> throw new IllegalStateException(kind + " is not an engagement metric");
        };
    }

    String label() {
        return switch (kind) {
            case HEALTH_SCORE -> "health_score";
            case AT_RISK -> "at_risk";
            case MEASURE -> "measure." + qualifier;
            case ACTIVE_USERS -> "active_users";
            case EVENTS -> "events";
            case EVENTS_OF_TYPE -> "events." + qualifier;
            case FEATURES_USED -> "features_used";
        };
    }

    private static long count(Map<String, Long> counts, String key) {
        if (counts == null) {
            return 0;
        }
        Long value = counts.get(key);
        return value == null ? 0 : value;
    }

    private static String shorten(String text) {
        return text.length() <= 80 ? text : text.substring(0, 80) + "…";
    }
}
