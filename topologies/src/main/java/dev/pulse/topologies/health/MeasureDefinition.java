package dev.pulse.topologies.health;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * One measure of the scorecard as configured in YAML.
 *
 * @param id unique id; also the kind of computation unless {@code kind} is given
 * @param kind which computation ({@link MeasureKind}); defaults to the id
 * @param weight relative weight; weights need not add up to 100
 * @param windowDays look-back of the measure
 * @param baselineDays look-back before the window that {@code depth} and {@code trend} compare to
 * @param eventTypes event types that count as key actions (depth) or tickets (support friction)
 * @param coreFeatures features that count for breadth
 * @param points threshold curve from reading to points
 */
public record MeasureDefinition(
        String id,
        String kind,
        String label,
        double weight,
        @JsonProperty("window") int windowDays,
        @JsonProperty("baseline") Integer baselineDays,
        List<String> eventTypes,
        List<String> coreFeatures,
        List<List<Double>> points) {

    public MeasureKind measureKind() {
        return MeasureKind.fromId(kind == null ? id : kind);
    }

    public String displayLabel() {
        return label == null ? id.replace('_', ' ') : label;
    }

    public int baselineOrDefault() {
        return baselineDays == null ? 28 : baselineDays;
    }

    public List<String> eventTypesOr(List<String> fallback) {
        return eventTypes == null || eventTypes.isEmpty() ? fallback : eventTypes;
    }
}
