package dev.pulse.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pulse.topologies.pipeline.PipelineSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code pipeline} section binds straight to the pipeline's own settings, checked on load. */
class ConfigLoaderPipelineTest {
    @TempDir Path dir;

    @Test
    void oneSettingChangesOnlyThatOneAndTheRestKeepTheShippedValues() throws IOException {
        Path file = Files.writeString(dir.resolve("pulse.yaml"), "pipeline:\n  grace: PT2H\n");

        PipelineSettings pipeline = ConfigLoader.load(file, Map.of()).pipeline();

        assertThat(pipeline.grace()).isEqualTo(Duration.ofHours(2));
        assertThat(pipeline.withGrace(PipelineSettings.defaults().grace()))
                .isEqualTo(PipelineSettings.defaults());
    }

    @Test
    void anInvalidSettingIsRefusedOnLoadWithItsName() throws IOException {
        Path file =
                Files.writeString(
                        dir.resolve("pulse.yaml"), "pipeline:\n  scoreRefreshInterval: PT0S\n");

        assertThatThrownBy(() -> ConfigLoader.load(file, Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("invalid configuration")
                .hasMessageContaining("scoreRefreshInterval must be positive, got PT0S");
    }

    @Test
    void theDuplicateFilterBudgetIsReadAndMustBePositive() throws IOException {
        Path file =
                Files.writeString(
                        dir.resolve("pulse.yaml"), "pipeline:\n  dedupFilterMegabytes: 8\n");
        assertThat(ConfigLoader.load(file, Map.of()).pipeline().dedupFilterMegabytes())
                .isEqualTo(8);

        Files.writeString(file, "pipeline:\n  dedupFilterMegabytes: 0\n");
        assertThatThrownBy(() -> ConfigLoader.load(file, Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("dedupFilterMegabytes must be positive, got 0");
    }

    @Test
    void theRescoringShareIsReadAndMustBeAFractionOfTheTime() throws IOException {
        Path file =
                Files.writeString(
                        dir.resolve("pulse.yaml"), "pipeline:\n  scoreRefreshShare: 0.1\n");
        assertThat(ConfigLoader.load(file, Map.of()).pipeline().scoreRefreshShare()).isEqualTo(0.1);

        Files.writeString(file, "pipeline:\n  scoreRefreshShare: 2\n");
        assertThatThrownBy(() -> ConfigLoader.load(file, Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("scoreRefreshShare must be above 0 and at most 1, got 2.0");
    }
}
