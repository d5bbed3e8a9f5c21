package dev.pulse.topologies.journey;

import dev.pulse.topologies.health.Band;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Entry criteria of a stage: every condition given must hold on the closed day ({@link
 * JourneyFacts}); conditions left out do not matter. An empty criteria always holds.
 *
 * @param minScore the day's health score at least this (0–100)
 * @param maxScore the day's health score at most this
 * @param bands the day's band is one of these ({@code healthy}, {@code neutral}, {@code at_risk})
 * @param atRisk the day's at-risk decision is this (true: the account is at risk)
 * @param minDaysSinceFirstEvent whole days from the account's first event to the day's end
 * @param maxDaysSinceFirstEvent likewise, at most
 * @param minDaysSinceLastEvent whole days of silence at the day's end, at least
 * @param maxDaysSinceLastEvent likewise, at most
 * @param plans the account's plan is one of these (case-insensitive)
 * @param segments the account's segment is one of these (case-insensitive)
 * @param churned the account directory says the customer has left ({@code status: churned})
 * @param measures bounds on health measures by id (see config/health-model.yaml)
 */
public record Criteria(
        Double minScore,
        Double maxScore,
        List<String> bands,
        Boolean atRisk,
        Integer minDaysSinceFirstEvent,
        Integer maxDaysSinceFirstEvent,
        Integer minDaysSinceLastEvent,
        Integer maxDaysSinceLastEvent,
        List<String> plans,
        List<String> segments,
        Boolean churned,
        Map<String, MeasureBounds> measures) {

    public Criteria {
        bands = bands == null ? List.of() : List.copyOf(bands);
        plans = plans == null ? List.of() : List.copyOf(plans);
        segments = segments == null ? List.of() : List.copyOf(segments);
        measures = measures == null ? Map.of() : Map.copyOf(measures);
    }

    /** Whether every condition holds on the day these facts describe. */
    public boolean holds(JourneyFacts facts) {
        return atLeast(facts.score(), minScore)
                && atMost(facts.score(), maxScore)
                && (bands.isEmpty()
                        || (facts.band() != null && bands.contains(facts.band().label())))
                && (atRisk == null || atRisk == facts.atRisk())
                && atLeast(facts.daysSinceFirstEvent(), minDaysSinceFirstEvent)
                && atMost(facts.daysSinceFirstEvent(), maxDaysSinceFirstEvent)
                && atLeast(facts.daysSinceLastEvent(), minDaysSinceLastEvent)
                && atMost(facts.daysSinceLastEvent(), maxDaysSinceLastEvent)
                && oneOf(facts.plan(), plans)
                && oneOf(facts.segment(), segments)
                && (churned == null || churned == facts.churned())
                && measures.entrySet().stream()
                        .allMatch(m -> m.getValue().holds(facts.contribution(m.getKey())));
    }

    /**
     * Checks the criteria whole; {@code where} names them in messages, e.g. {@code stages[2].when}.
     */
    void validate(String where, Set<String> knownMeasures) {
        checkRange(where + ".minScore/maxScore", minScore, maxScore);
        checkScore(where + ".minScore", minScore);
        checkScore(where + ".maxScore", maxScore);
        for (String band : bands) {
            try {
                Band.fromLabel(band);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + ".bands: " + e.getMessage(), e);
            }
        }
        checkDays(where + ".minDaysSinceFirstEvent", minDaysSinceFirstEvent);
        checkDays(where + ".maxDaysSinceFirstEvent", maxDaysSinceFirstEvent);
        checkDays(where + ".minDaysSinceLastEvent", minDaysSinceLastEvent);
        checkDays(where + ".maxDaysSinceLastEvent", maxDaysSinceLastEvent);
        checkRange(
                where + ".minDaysSinceFirstEvent/maxDaysSinceFirstEvent",
                toDouble(minDaysSinceFirstEvent),
                toDouble(maxDaysSinceFirstEvent));
        checkRange(
                where + ".minDaysSinceLastEvent/maxDaysSinceLastEvent",
                toDouble(minDaysSinceLastEvent),
                toDouble(maxDaysSinceLastEvent));
        for (Map.Entry<String, MeasureBounds> measure : measures.entrySet()) {
            String at = where + ".measures." + measure.getKey();
            if (!knownMeasures.isEmpty() && !knownMeasures.contains(measure.getKey())) {
                throw new IllegalArgumentException(
                        at + ": unknown measure; the health model has " + knownMeasures);
            }
            if (measure.getValue() == null) {
                throw new IllegalArgumentException(
                        at + ": needs minValue, maxValue, minPoints or maxPoints");
            }
            measure.getValue().validate(at);
        }
    }

    static void checkRange(String where, Double min, Double max) {
        if (min != null && max != null && min > max) {
            throw new IllegalArgumentException(
                    where + ": the minimum " + min + " is above the maximum " + max);
        }
    }

    private static void checkScore(String where, Double value) {
        if (value != null && (value < 0 || value > 100)) {
            throw new IllegalArgumentException(where + ": must be 0–100, got " + value);
        }
    }

    private static void checkDays(String where, Integer days) {
        if (days != null && (days < 0 || days > 3660)) {
            throw new IllegalArgumentException(where + ": must be 0–3660 days, got " + days);
        }
    }

    private static Double toDouble(Integer value) {
        return value == null ? null : value.doubleValue();
    }

    private static boolean atLeast(Number value, Number min) {
        return min == null || (value != null && value.doubleValue() >= min.doubleValue());
    }

    private static boolean atMost(Number value, Number max) {
        return max == null || (value != null && value.doubleValue() <= max.doubleValue());
    }

    private static boolean oneOf(String value, List<String> allowed) {
        if (allowed.isEmpty()) {
            return true;
        }
        return value != null && allowed.stream().anyMatch(value::equalsIgnoreCase);
    }
}
