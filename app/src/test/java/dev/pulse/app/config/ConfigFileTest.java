package dev.pulse.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pulse.access.security.UserDirectory;
import dev.pulse.topologies.health.HealthModel;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which file a setting of pulse.yaml reads, and what is refused. */
class ConfigFileTest {
    @TempDir Path dir;

    @Test
    void aMistypedUserDirectoryStopsTheStartInsteadOfLettingTheDemoPeopleIn() {
        String mistyped = dir.resolve("user.yaml").toString();

        assertThatThrownBy(
                        () ->
                                ConfigFile.parse(
                                        "auth.users",
                                        mistyped,
                                        "users.yaml",
                                        UserDirectory::fromYaml))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("auth.users: no file at " + mistyped);
    }

    @Test
    void theDefaultPathFallsBackToTheCopyInTheJar() {
        // The tests run in app/, where there is no config/health-model.yaml.
        HealthModel model =
                ConfigFile.parse(
                        "healthModel",
                        "config/health-model.yaml",
                        "health-model.yaml",
                        HealthModel::fromYaml);

        assertThat(model.version()).isNotBlank();
    }

    @Test
    void aConfiguredFileIsReadAndItsProblemsNameIt() throws Exception {
        Path file = dir.resolve("candidate.yaml");
        Files.writeString(file, "version: x\nbands: {healthy: 70, atRisk: 40}\n");

        assertThatThrownBy(
                        () ->
                                ConfigFile.parse(
                                        "healthModel",
                                        file.toString(),
                                        "health-model.yaml",
                                        HealthModel::fromYaml))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        file
                                + ": health model: 'measures' is required, with at least one"
                                + " measure");
    }
}
