package dev.pulse.topologies.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The dataflow is part of the persistent contract (store and changelog names). A change to it must
 * show as a diff of docs/topology.txt. To accept a deliberate change, run the tests with {@code
 * -Dpulse.golden.update=true} and commit the file.
 */
class TopologyGoldenFileTest {
    private static final Path GOLDEN = Path.of("..", "docs", "topology.txt");

    @Test
    void topologyMatchesTheDocumentedDataflow() throws IOException {
        String described =
                new HealthPipelineTopology(
                                PipelineFixture.MODEL,
                                PipelineFixture.ALERT_RULES,
                                PipelineSettings.defaults(),
                                PipelineListener.NONE)
                        .topology()
                        .describe()
                        .toString();
        if (Boolean.getBoolean("pulse.golden.update") || !Files.exists(GOLDEN)) {
            Files.writeString(GOLDEN, described);
        }
        assertThat(described)
                .as("topology changed: review, then rerun with -Dpulse.golden.update=true")
                .isEqualTo(Files.readString(GOLDEN));
    }
}
