package dev.pulse.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pulse.topologies.funnel.FunnelDefinitions;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How Pulse finds its funnels: the configured file, else the one bundled in the jar. */
class FunnelConfigTest {
    @TempDir Path dir;

    @Test
    void fallsBackToTheBundledFunnelsWhenTheFileDoesNotExist() {
        FunnelDefinitions funnels =
                PulseApplication.loadFunnels(dir.resolve("absent.yaml").toString());

        assertThat(funnels.find("reporting")).isPresent();
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
