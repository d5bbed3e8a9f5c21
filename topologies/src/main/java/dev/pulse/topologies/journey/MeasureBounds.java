package dev.pulse.topologies.journey;

import dev.pulse.topologies.health.Contribution;

/**
 * Bounds on one health measure of a closed day: its raw reading ({@code value}, e.g. the share of
 * seats in use) and the 0–100 points the model gave it. A measure without data meets no bound.
 */
public record MeasureBounds(Double minValue, Double maxValue, Double minPoints, Double maxPoints) {

    boolean holds(Contribution contribution) {
        if (contribution == null) {
            return false;
        }
        return within(contribution.value(), minValue, maxValue)
                && within(contribution.points(), minPoints, maxPoints);
    }

    void validate(String where) {
        Criteria.checkRange(where + ".minValue/maxValue", minValue, maxValue);
        Criteria.checkRange(where + ".minPoints/maxPoints", minPoints, maxPoints);
        if (minValue == null && maxValue == null && minPoints == null && maxPoints == null) {
            throw new IllegalArgumentException(
                    where + ": give at least one of minValue, maxValue, minPoints, maxPoints");
        }
    }

    private static boolean within(Double reading, Double min, Double max) {
        if (min == null && max == null) {
            return true;
        }
        return reading != null
                && (min == null || reading >= min)
                && (max == null || reading <= max);
    }
}
