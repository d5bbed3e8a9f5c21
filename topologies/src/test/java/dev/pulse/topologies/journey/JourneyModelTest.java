package dev.pulse.topologies.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pulse.topologies.health.HealthModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class JourneyModelTest {
    private static final String MINIMAL =
            """
            version: "t-1"
            stages:
              - id: onboarding
                kind: progress
              - id: engaged
                kind: progress
                when: {minScore: 70}
              - id: at_risk
                kind: exit
                when: {atRisk: true}
            """;

    private static String config(String name) throws IOException {
        return Files.readString(Path.of("..", "config", name));
    }

    @Test
    void readsTheShippedJourneyWithItsDefaultStagesInOrder() throws IOException {
        JourneyModel model =
                JourneyModel.fromYaml(config("journey.yaml"))
                        .checkedAgainst(HealthModel.fromYaml(config("health-model.yaml")));

        assertThat(model.version()).isNotBlank();
        assertThat(model.progressStages())
                .extracting(Stage::id)
                .containsExactly("onboarding", "activated", "adopting", "engaged");
        assertThat(model.exitStages()).extracting(Stage::id).containsExactly("churned", "at_risk");
        assertThat(model.stage("adopting").orElseThrow().displayLabel()).isEqualTo("Adopting");
        assertThat(model.stage("at_risk").orElseThrow().kind()).isEqualTo(StageKind.EXIT);
    }

    @Test
    void readsAMinimalJourney() {
        JourneyModel model = JourneyModel.fromYaml(MINIMAL);

        assertThat(model.stages()).hasSize(3);
        assertThat(model.stage("engaged").orElseThrow().when().minScore()).isEqualTo(70.0);
        assertThat(model.stage("onboarding").orElseThrow().displayLabel()).isEqualTo("onboarding");
    }

    @Test
    void namesAnUnknownKeyAndWhereItIs() {
        assertThatThrownBy(() -> JourneyModel.fromYaml(MINIMAL.replace("minScore", "minScor")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown key 'minScor'")
                .hasMessageContaining("stages[1].when")
                .hasMessageContaining("minScore");
        assertThatThrownBy(() -> JourneyModel.fromYaml(MINIMAL + "colour: blue\n"))
                .hasMessageContaining("unknown key 'colour'");
    }

    @Test
    void namesABadValueAndWhereItIs() {
        assertThatThrownBy(() -> JourneyModel.fromYaml(MINIMAL.replace("70", "lots")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bad value at 'stages[1].when.minScore'");
        assertThatThrownBy(
                        () ->
                                JourneyModel.fromYaml(
                                        MINIMAL.replace("kind: exit", "kind: sideways")))
                .hasMessageContaining("stages[2].kind")
                .hasMessageContaining("expected progress or exit");
        assertThatThrownBy(() -> JourneyModel.fromYaml(MINIMAL.replace("70", "170")))
                .hasMessageContaining("stages[1] (engaged).when.minScore: must be 0–100");
    }

    @Test
    void refusesModelsThatCannotPlaceEveryAccount() {
        assertThatThrownBy(() -> JourneyModel.fromYaml(MINIMAL.replace("version: \"t-1\"", "")))
                .hasMessageContaining("'version' is required");
        assertThatThrownBy(
                        () ->
                                JourneyModel.fromYaml(
                                        MINIMAL.replace(
                                                "  - id: onboarding\n    kind: progress\n", "")))
                .hasMessageContaining("first progress stage is where every account starts");
        assertThatThrownBy(
                        () -> JourneyModel.fromYaml(MINIMAL.replace("id: at_risk", "id: engaged")))
                .hasMessageContaining("stages[2] (engaged).id: is used twice");
        assertThatThrownBy(
                        () ->
                                JourneyModel.fromYaml(
                                        MINIMAL.replace("    when: {atRisk: true}\n", "")))
                .hasMessageContaining("an exit stage needs entry criteria");
        assertThatThrownBy(() -> JourneyModel.fromYaml(MINIMAL.replace("at_risk", "At Risk")))
                .hasMessageContaining("stages[2].id: must be lower-case");
        assertThatThrownBy(
                        () ->
                                JourneyModel.fromYaml(
                                        MINIMAL.replace(
                                                "{minScore: 70}", "{minScore: 80, maxScore: 70}")))
                .hasMessageContaining("minScore/maxScore: the minimum 80.0 is above the maximum");
        assertThatThrownBy(() -> JourneyModel.fromYaml(""))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesAMeasureTheHealthModelDoesNotHave() throws IOException {
        JourneyModel model =
                JourneyModel.fromYaml(
                        MINIMAL.replace(
                                "{minScore: 70}", "{measures: {happiness: {minValue: 1}}}"));
        HealthModel health = HealthModel.fromYaml(config("health-model.yaml"));

        assertThatThrownBy(() -> model.checkedAgainst(health))
                .hasMessageContaining("stages[1] (engaged).when.measures.happiness")
                .hasMessageContaining("unknown measure");
    }

    @Test
    void refusesBandsItDoesNotKnow() {
        assertThatThrownBy(
                        () ->
                                JourneyModel.fromYaml(
                                        MINIMAL.replace(
                                                "{minScore: 70}", "{bands: [healthy, great]}")))
                .hasMessageContaining("stages[1] (engaged).when.bands: unknown band 'great'");
        assertThat(
                        JourneyModel.fromYaml(
                                        MINIMAL.replace(
                                                "{minScore: 70}", "{bands: [healthy, neutral]}"))
                                .stage("engaged")
                                .orElseThrow()
                                .when()
                                .bands())
                .isEqualTo(List.of("healthy", "neutral"));
    }
}
