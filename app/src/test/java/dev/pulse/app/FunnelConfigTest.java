package dev.pulse.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pulse.topologies.funnel.FunnelDefinitions;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How Pulse finds its funnels: the configured file, or the one bundled in the jar when the default
 * path has none.
 */
class FunnelConfigTest {
    @TempDir Path dir;

    @Test
    void fallsBackToTheBundledFunnelsWhenTheDefaultFileDoesNotExist() {
        // The tests run in app/, where there is no config/funnels.yaml.
        FunnelDefinitions funnels = PulseApplication.loadFunnels("config/funnels.yaml");

        assertThat(funnels.find("reporting")).isPresent();
    }

    @Test
    void refusesAConfiguredFileThatDoesNotExist() {
        String absent = dir.resolve("absent.yaml").toString();

        assertThatThrownBy(() -> PulseApplication.loadFunnels(absent))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "funnels: no file at "
                                + absent
                                + " (only the default config/funnels.yaml falls back to the copy"
                                + " bundled in the jar)");
    }

    @Test
    void refusesABadFileNamingTheFunnelAndTheKey() throws Exception {
        Path file = dir.resolve("funnels.yaml");
        Files.writeString(
                file,
                """
                version: "1"
                funnels:
                  - id: onboarding
                    label: Onboarding
                    window: 400
                    steps:
                      - {id: login, label: Login, type: login}
                      - {id: invite, label: Invited a colleague, type: seat_added}
                """);

        assertThatThrownBy(() -> PulseApplication.loadFunnels(file.toString()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("funnel 'onboarding'")
                .hasMessageContaining("'window' must be 1–366 days, got 400");
    }
}
