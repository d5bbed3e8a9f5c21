package dev.pulse.access.segments;

import dev.pulse.topologies.health.Band;
import java.util.List;
import java.util.Map;

/** Criteria for tests, one condition at a time. */
final class CriteriaBuilder {
    private List<String> plans;
    private List<String> segments;
    private List<String> owners;
    private List<String> teams;
    private List<Band> bands;
    private Boolean atRisk;
    private Double scoreMin;
    private Double scoreMax;
    private Double delta7dMin;
    private Double delta7dMax;
    private Double delta30dMin;
    private Double delta30dMax;
    private Double arrMin;
    private Double arrMax;
    private Integer renewalWithinDays;
    private List<String> journeyStages;
    private SegmentCriteria.FunnelStep funnel;
    private Map<String, String> attributes;

    CriteriaBuilder plans(String... values) {
        plans = List.of(values);
        return this;
    }

    CriteriaBuilder segments(String... values) {
        segments = List.of(values);
        return this;
    }

    CriteriaBuilder owners(String... values) {
        owners = List.of(values);
        return this;
    }

    CriteriaBuilder teams(String... values) {
        teams = List.of(values);
        return this;
    }

    CriteriaBuilder bands(Band... values) {
        bands = List.of(values);
        return this;
    }

    CriteriaBuilder atRisk(Boolean value) {
        atRisk = value;
        return this;
    }

    CriteriaBuilder score(Double min, Double max) {
        scoreMin = min;
        scoreMax = max;
        return this;
    }

    CriteriaBuilder delta7d(Double min, Double max) {
        delta7dMin = min;
        delta7dMax = max;
        return this;
    }

    CriteriaBuilder delta30d(Double min, Double max) {
        delta30dMin = min;
        delta30dMax = max;
        return this;
    }

    CriteriaBuilder arr(Double min, Double max) {
        arrMin = min;
        arrMax = max;
        return this;
    }

    CriteriaBuilder renewalWithinDays(Integer days) {
        renewalWithinDays = days;
        return this;
    }

    CriteriaBuilder journeyStages(String... values) {
        journeyStages = List.of(values);
        return this;
    }

    CriteriaBuilder funnel(SegmentCriteria.FunnelStep step) {
        funnel = step;
        return this;
    }

    CriteriaBuilder attributes(Map<String, String> values) {
        attributes = values;
        return this;
    }

    SegmentCriteria build() {
        return new SegmentCriteria(
                plans,
                segments,
                owners,
                teams,
                bands,
                atRisk,
                scoreMin,
                scoreMax,
                delta7dMin,
                delta7dMax,
                delta30dMin,
                delta30dMax,
                arrMin,
                arrMax,
                renewalWithinDays,
                journeyStages,
                funnel,
                attributes);
    }
}
