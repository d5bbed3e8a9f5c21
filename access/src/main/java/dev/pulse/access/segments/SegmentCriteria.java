package dev.pulse.access.segments;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.pulse.topologies.health.Band;
import io.soabase.recordbuilder.core.RecordBuilder;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Which accounts a segment holds: every condition given must hold; a field left null (or empty)
 * sets no condition, so the empty criteria select every account in scope. Validated here, each
 * error naming its field ({@link InvalidSegmentException}); text is matched without regard to
 * letter case. See {@link SegmentMatcher} for how each condition reads an account. Front ends that
 * take people by name put their e-mails in afterwards with {@code withOwners(…)}, one of the copies
 * the generated {@code SegmentCriteriaBuilder} adds.
 *
 * @param plans the directory's plan is one of these
 * @param segments the directory's segment field is one of these
 * @param owners the account manager (e-mail) is one of these
 * @param teams the directory's team is one of these
 * @param bands the current score's band is one of these
 * @param atRisk the at-risk decision ({@code HealthScore.atRisk()}) equals this
 * @param scoreMin current score at least this (0–100)
 * @param scoreMax current score at most this (0–100)
 * @param delta7dMin seven-day delta at least this (−100–100)
 * @param delta7dMax seven-day delta at most this
 * @param delta30dMin thirty-day delta at least this
 * @param delta30dMax thirty-day delta at most this
 * @param arrMin ARR at least this (≥ 0)
 * @param arrMax ARR at most this
 * @param renewalWithinDays the renewal date is today or within this many days after it (0–3650)
 * @param journeyStages the account's lifecycle stage is one of these stage ids
 * @param funnel the account's users reached this step of this funnel
 * @param attributes every key has this value among the account's attributes
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@RecordBuilder
public record SegmentCriteria(
        List<String> plans,
        List<String> segments,
        List<String> owners,
        List<String> teams,
        List<Band> bands,
        Boolean atRisk,
        Double scoreMin,
        Double scoreMax,
        Double delta7dMin,
        Double delta7dMax,
        Double delta30dMin,
        Double delta30dMax,
        Double arrMin,
        Double arrMax,
        Integer renewalWithinDays,
        List<String> journeyStages,
        FunnelStep funnel,
        Map<String, String> attributes)
        implements SegmentCriteriaBuilder.With {

    /** The longest renewal horizon a criterion may name: ten years. */
    public static final int MAX_RENEWAL_DAYS = 3650;

    /** No condition at all: every account in scope. */
    public static final SegmentCriteria ANY =
            new SegmentCriteria(
                    null, null, null, null, null, null, null, null, null, null, null, null, null,
                    null, null, null, null, null);

    /** A funnel step the account's users reached. */
    public record FunnelStep(String id, String reachedStep) {
        public FunnelStep {
            id = required("funnel.id", id);
            reachedStep = required("funnel.reachedStep", reachedStep);
        }

        private static String required(String field, String value) {
            if (value == null || value.isBlank()) {
                throw new InvalidSegmentException(field, "is required, e.g. \"reporting\"");
            }
            return value.strip();
        }
    }

    public SegmentCriteria {
        plans = texts("plans", plans);
        segments = texts("segments", segments);
        owners = lower(texts("owners", owners));
        teams = texts("teams", teams);
        bands = bands == null || bands.isEmpty() ? null : List.copyOf(noNulls("bands", bands));
        range("scoreMin", scoreMin, "scoreMax", scoreMax, 0, 100);
        range("delta7dMin", delta7dMin, "delta7dMax", delta7dMax, -100, 100);
        range("delta30dMin", delta30dMin, "delta30dMax", delta30dMax, -100, 100);
        range("arrMin", arrMin, "arrMax", arrMax, 0, Double.MAX_VALUE);
        if (renewalWithinDays != null
                && (renewalWithinDays < 0 || renewalWithinDays > MAX_RENEWAL_DAYS)) {
            throw new InvalidSegmentException(
                    "renewalWithinDays",
                    "must be between 0 and " + MAX_RENEWAL_DAYS + ", not " + renewalWithinDays);
        }
        journeyStages = texts("journeyStages", journeyStages);
        attributes = attributes(attributes);
    }

    private static List<String> texts(String field, List<String> values) {
        if (values == null || values.isEmpty()) {
            return null;
        }
        for (String value : noNulls(field, values)) {
            if (value.isBlank()) {
                throw new InvalidSegmentException(field, "must not contain blank values");
            }
        }
        return values.stream().map(String::strip).toList();
    }

    private static <T> List<T> noNulls(String field, List<T> values) {
        for (T value : values) {
            if (value == null) {
                throw new InvalidSegmentException(field, "must not contain null");
            }
        }
        return values;
    }

    private static List<String> lower(List<String> values) {
        return values == null
                ? null
                : values.stream().map(v -> v.toLowerCase(Locale.ROOT)).toList();
    }

    private static void range(
            String minField, Double min, String maxField, Double max, double low, double high) {
        within(minField, min, low, high);
        within(maxField, max, low, high);
        if (min != null && max != null && min > max) {
            throw new InvalidSegmentException(
                    minField, "must not be above " + maxField + " (" + min + " > " + max + ")");
        }
    }

    private static void within(String field, Double value, double low, double high) {
        if (value == null) {
            return;
        }
        if (value.isNaN() || value < low || value > high) {
            String bounds =
                    high == Double.MAX_VALUE
                            ? "at least " + number(low)
                            : "between " + number(low) + " and " + number(high);
            throw new InvalidSegmentException(field, "must be " + bounds + ", not " + value);
        }
    }

    private static String number(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }

    private static Map<String, String> attributes(Map<String, String> attributes) {
        if (attributes == null || attributes.isEmpty()) {
            return null;
        }
        Map<String, String> copy = new LinkedHashMap<>();
        for (Map.Entry<String, String> entry : attributes.entrySet()) {
            if (entry.getKey() == null || entry.getKey().isBlank()) {
                throw new InvalidSegmentException("attributes", "must not have a blank key");
            }
            if (entry.getValue() == null) {
                throw new InvalidSegmentException(
                        "attributes." + entry.getKey(), "must be a text value, not null");
            }
            copy.put(entry.getKey().strip(), entry.getValue().strip());
        }
        return Collections.unmodifiableMap(copy);
    }
}
