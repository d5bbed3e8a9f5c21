package dev.pulse.topologies.funnel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class FunnelDefinitionsTest {
    private static final String TWO_STEPS =
            """
            version: "1"
            funnels:
              - id: reporting
                label: Reporting adoption
                window: 14
                steps:
                  - id: login
                    label: First login
                    type: login
                  - id: reports
                    label: Used reports
                    type: feature_used
                    feature: reports
            """;

    @Test
    void readsTheShippedFunnels() throws Exception {
        FunnelDefinitions shipped =
                FunnelDefinitions.fromYaml(Files.readString(Path.of("../config/funnels.yaml")));

        Funnel reporting = shipped.find("reporting").orElseThrow();
        assertThat(reporting.label()).isEqualTo("Reporting adoption");
        assertThat(reporting.window()).isEqualTo(Duration.ofDays(14));
        assertThat(reporting.steps())
                .extracting(FunnelStep::id)
                .containsExactly("login", "reports", "exports", "integrations");
        assertThat(shipped.stepTypes()).containsExactlyInAnyOrder("login", "feature_used");
    }

    @Test
    void readsStepsWithAndWithoutFeature() {
        Funnel funnel = FunnelDefinitions.fromYaml(TWO_STEPS).funnels().get(0);

        assertThat(funnel.steps().get(0))
                .isEqualTo(new FunnelStep("login", "First login", "login", null));
        assertThat(funnel.steps().get(1).feature()).isEqualTo("reports");
        assertThat(funnel.windowDays()).isEqualTo(14);
    }

    @Test
    void namesTheFunnelAndKeyOfAMissingWindow() {
        assertThatThrownBy(
                        () ->
                                FunnelDefinitions.fromYaml(
                                        TWO_STEPS.replace("window: 14", "window: 0")))
                .hasMessageContaining("funnel 'reporting'")
                .hasMessageContaining("'window'");
    }

    @Test
    void namesTheStepWithoutAType() {
        assertThatThrownBy(
                        () ->
                                FunnelDefinitions.fromYaml(
                                        TWO_STEPS.replace("        type: feature_used\n", "")))
                .hasMessageContaining("step 'reports'")
                .hasMessageContaining("'type' is required");
    }

    @Test
    void refusesDuplicateStepIdsAndSingleStepFunnels() {
        assertThatThrownBy(
                        () ->
                                FunnelDefinitions.fromYaml(
                                        TWO_STEPS.replace("id: reports", "id: login")))
                .hasMessageContaining("step 'login': 'id' is used twice");
        String oneStep = TWO_STEPS.substring(0, TWO_STEPS.indexOf("      - id: reports"));
        assertThatThrownBy(() -> FunnelDefinitions.fromYaml(oneStep))
                .hasMessageContaining("'steps' needs at least two steps");
    }

    @Test
    void refusesUnknownKeysAndBadIds() {
        assertThatThrownBy(() -> FunnelDefinitions.fromYaml(TWO_STEPS.replace("window:", "windw:")))
                .hasMessageContaining("windw");
        assertThatThrownBy(
                        () ->
                                FunnelDefinitions.fromYaml(
                                        TWO_STEPS.replace("id: reporting", "id: Re porting")))
                .hasMessageContaining("funnel #1")
                .hasMessageContaining("'id' must be");
        assertThatThrownBy(() -> FunnelDefinitions.fromYaml("funnels: []"))
                .hasMessageContaining("'version' is required");
    }
}
