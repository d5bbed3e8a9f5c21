package dev.pulse.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pulse.topologies.health.HealthModel;
import dev.pulse.topologies.journey.JourneyModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The journey is loaded like the health model: a file, else the one bundled in the jar. */
class JourneyConfigTest {
    private static final HealthModel HEALTH =
            PulseApplication.loadModel("../config/health-model.yaml");

    @TempDir Path dir;

    @Test
    void aMissingFileFallsBackToTheBundledJourney() throws IOException {
        JourneyModel bundled =
                PulseApplication.loadJourney(dir.resolve("absent.yaml").toString(), HEALTH);

        assertThat(bundled)
                .isEqualTo(
                        JourneyModel.fromYaml(Files.readString(Path.of("../config/journey.yaml"))));
    }

    @Test
    void aBadFileStopsTheStartNamingTheKey() throws IOException {
        Path file = dir.resolve("journey.yaml");
        Files.writeString(
                file,
                Files.readString(Path.of("../config/journey.yaml"))
                        .replace("minDaysSinceFirstEvent: 42", "minDaysSinceFirst: 42"));

        assertThatThrownBy(() -> PulseApplication.loadJourney(file.toString(), HEALTH))
                .hasMessageContaining("unknown key 'minDaysSinceFirst'")
                .hasMessageContaining("stages[3].when");
    }

    @Test
    void aMeasureTheHealthModelLacksStopsTheStart() throws IOException {
        Path file = dir.resolve("journey.yaml");
        Files.writeString(
                file,
                Files.readString(Path.of("../config/journey.yaml"))
                        .replace("seat_utilisation: {minValue: 0.55}", "seats: {minValue: 0.55}"));

        assertThatThrownBy(() -> PulseApplication.loadJourney(file.toString(), HEALTH))
                .hasMessageContaining("stages[3] (engaged).when.measures.seats: unknown measure");
    }
}
