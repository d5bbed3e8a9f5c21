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

/**
 * The journey is loaded like the health model: the configured file, or the one bundled in the jar
 * when the default path has none.
 */
class JourneyConfigTest {
    private static final HealthModel HEALTH =
            PulseApplication.loadModel("../config/health-model.yaml");

    @TempDir Path dir;

    @Test
    void theDefaultPathMissingFallsBackToTheBundledJourney() throws IOException {
        // The tests run in app/, where there is no config/journey.yaml.
        JourneyModel bundled = PulseApplication.loadJourney("config/journey.yaml", HEALTH);

        assertThat(bundled)
                .isEqualTo(
                        JourneyModel.fromYaml(Files.readString(Path.of("../config/journey.yaml"))));
    }

    @Test
    void aConfiguredFileThatDoesNotExistStopsTheStart() {
        String absent = dir.resolve("absent.yaml").toString();

        assertThatThrownBy(() -> PulseApplication.loadJourney(absent, HEALTH))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("journey: no file at " + absent);
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
