package dev.pulse.topologies.health;

/**
 * What one measure gave to a score.
 *
 * @param measure measure id from the model, e.g. {@code seat_utilisation}
 * @param value the raw reading (a ratio, a count), null when the measure had no data
 * @param points the reading mapped to 0–100 by the model's thresholds; null when unavailable
 * @param weight the share of the score this measure carried, 0–1 (0 when unavailable)
 * @param contribution points added to the score: {@code points × weight}
 * @param explanation a sentence a person can read
 */
public record Contribution(
        String measure,
        String label,
        Double value,
        Double points,
        double weight,
        double contribution,
        String explanation) {

    /** Points lost against a perfect reading of this measure: what drags the score down most. */
    public double shortfall() {
        return points == null ? 0 : weight * (100 - points);
    }
}
