package dev.pulse.topologies.health;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.pulse.topologies.risk.RiskModel;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The health-score scorecard: measures with weights and threshold curves, and the band limits.
 * Loaded from YAML and checked whole, so a bad model fails at start-up with a message that names
 * the measure and the problem, never half-way through scoring.
 */
public record HealthModel(
        String version, Bands bands, List<MeasureDefinition> measures, RiskModel.Yaml risk) {
    private static final ObjectMapper YAML =
            YAMLMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    /** Scores at or above {@code healthy} are healthy; below {@code atRisk} at risk. */
    public record Bands(double healthy, double atRisk) {}

    public HealthModel {
        // Missing in the YAML: validate() says so, instead of a NullPointerException here.
        measures = measures == null ? List.of() : List.copyOf(measures);
    }

    /** A model with the default at-risk decision. */
    public HealthModel(String version, Bands bands, List<MeasureDefinition> measures) {
        this(version, bands, measures, null);
    }

    /** The at-risk decision; the defaults when the model has no {@code risk} section. */
    public RiskModel riskModel() {
        return risk == null ? RiskModel.DEFAULT : risk.toModel();
    }

    public static HealthModel fromYaml(String yaml) {
        HealthModel model;
        try {
            model = YAML.readValue(yaml, HealthModel.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(
                    "health model is not valid YAML for the model schema: "
                            + e.getOriginalMessage(),
                    e);
        }
        model.validate();
        return model;
    }

    public Band bandOf(double score) {
        if (score >= bands.healthy()) {
            return Band.HEALTHY;
        }
        return score < bands.atRisk() ? Band.AT_RISK : Band.NEUTRAL;
    }

    /** Days of daily history the scorer needs to read. */
    public int lookbackDays() {
        int days = 1;
        for (MeasureDefinition measure : measures) {
            int baseline =
                    switch (measure.measureKind()) {
                        case DEPTH, TREND -> measure.baselineOrDefault();
                        default -> 0;
                    };
            days = Math.max(days, measure.windowDays() + baseline + 1);
        }
        return Math.max(days, riskModel().lookbackDays());
    }

    private void validate() {
        if (version == null || version.isBlank()) {
            throw new IllegalArgumentException("health model: 'version' is required");
        }
        if (bands == null) {
            throw new IllegalArgumentException(
                    "health model: 'bands' with 'healthy' and 'atRisk' is required");
        }
        if (!(0 < bands.atRisk() && bands.atRisk() < bands.healthy() && bands.healthy() <= 100)) {
            throw new IllegalArgumentException(
                    "health model: bands must satisfy 0 < atRisk < healthy <= 100, got atRisk="
                            + bands.atRisk()
                            + " healthy="
                            + bands.healthy());
        }
        if (measures.isEmpty()) {
            throw new IllegalArgumentException(
                    "health model: 'measures' is required, with at least one measure");
        }
        riskModel().validate();
        Set<String> ids = new HashSet<>();
        for (MeasureDefinition measure : measures) {
            String where = "health model: measure '" + measure.id() + "': ";
            if (measure.id() == null || !ids.add(measure.id())) {
                throw new IllegalArgumentException(where + "id must be present and unique");
            }
            try {
                MeasureKind kind = measure.measureKind();
                if (kind == MeasureKind.BREADTH
                        && (measure.coreFeatures() == null || measure.coreFeatures().isEmpty())) {
                    throw new IllegalArgumentException("breadth needs 'coreFeatures'");
                }
                new ThresholdCurve(measure.points());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + e.getMessage(), e);
            }
            if (!(measure.weight() > 0)) {
                throw new IllegalArgumentException(where + "weight must be greater than 0");
            }
            if (measure.windowDays() < 1 || measure.windowDays() > 366) {
                throw new IllegalArgumentException(where + "window must be 1–366 days");
            }
            if (measure.baselineDays() != null
                    && (measure.baselineDays() < 1 || measure.baselineDays() > 366)) {
                throw new IllegalArgumentException(where + "baseline must be 1–366 days");
            }
        }
    }
}
