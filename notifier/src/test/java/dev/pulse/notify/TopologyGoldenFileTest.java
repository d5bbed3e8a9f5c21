package dev.pulse.notify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pulse.notify.feed.NotificationBus;
import dev.pulse.notify.outbox.ChannelWorkers;
import dev.pulse.notify.route.AlertConsole;
import dev.pulse.streams.connection.KafkaConnection;
import dev.pulse.streams.runtime.PulseStreams;
import dev.pulse.streams.runtime.StreamsSettings;
import dev.pulse.topologies.alert.AlertRules;
import dev.pulse.topologies.funnel.FunnelDefinitions;
import dev.pulse.topologies.health.HealthModel;
import dev.pulse.topologies.journey.JourneyModel;
import dev.pulse.topologies.pipeline.PipelineListener;
import dev.pulse.topologies.pipeline.PipelineSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The dataflow is part of the persistent contract (store, changelog and repartition topic names).
 * docs/topology.txt describes the whole application as {@link PulseStreams} runs it: the health
 * pipeline and the notifier in one Kafka Streams instance. A change to it must show as a diff of
 * that file. To accept a deliberate change, run this test with {@code -Dpulse.golden.update=true}
 * (e.g. {@code ./mvnw -o test -pl notifier -am -Dtest=TopologyGoldenFileTest
 * -Dsurefire.failIfNoSpecifiedTests=false -Dpulse.golden.update=true}) and commit the file.
 */
class TopologyGoldenFileTest {
    private static final Path CONFIG = Path.of("..", "config");
    private static final Path GOLDEN = Path.of("..", "docs", "topology.txt");

    @Test
    void topologyMatchesTheDocumentedDataflow() throws IOException {
        String described =
                PulseStreams.topology(settings(), PipelineListener.NONE, notifier()::build)
                        .describe()
                        .toString();
        if (Boolean.getBoolean("pulse.golden.update") || !Files.exists(GOLDEN)) {
            Files.writeString(GOLDEN, described);
        }
        assertThat(described)
                .as(
                        "the topology differs from %s: review the diff, then rerun with"
                                + " -Dpulse.golden.update=true to rewrite the file",
                        GOLDEN)
                .isEqualTo(Files.readString(GOLDEN));
    }

    private static StreamsSettings settings() throws IOException {
        return new StreamsSettings(
                KafkaConnection.to("unused:9092"),
                "pulse",
                Path.of("unused"),
                "localhost",
                8080,
                1,
                0,
                1,
                1L << 20,
                HealthModel.fromYaml(Files.readString(CONFIG.resolve("health-model.yaml"))),
                AlertRules.fromYaml(Files.readString(CONFIG.resolve("alert-rules.yaml"))),
                JourneyModel.fromYaml(Files.readString(CONFIG.resolve("journey.yaml"))),
                PipelineSettings.defaults(),
                FunnelDefinitions.NONE);
    }

    private static NotifierTopology notifier() {
        return new NotifierTopology(
                NotifierFixture.USERS,
                NotifierFixture.settings(NotifierFixture.DEFAULTS, Duration.ofHours(4), 100),
                new ChannelWorkers(List.of(), 100, Clock.systemUTC()),
                new NotificationBus(),
                AlertConsole.OFF,
                NotifierListener.NONE);
    }
}
