package dev.pulse.app;

import dev.pulse.app.config.ConfigLoader;
import dev.pulse.app.config.PulseConfig;
import dev.pulse.streams.broker.SharedKafkaBroker;
import java.nio.file.Path;
import java.util.Map;

/** Pulse configured against the shared test broker, with its own state and application id. */
final class TestPulse {
    private TestPulse() {}

    static PulseConfig config(Path stateDir, String applicationId) {
        PulseConfig defaults = ConfigLoader.load(null, Map.of());
        PulseConfig.Streams streams = defaults.streams();
        return defaults.withKafka(
                        new PulseConfig.Kafka(SharedKafkaBroker.bootstrapServers(), "", 0))
                .withStreams(
                        new PulseConfig.Streams(
                                applicationId, stateDir.toString(), 2, (short) 1, 0, 1, 64))
                .withApi(new PulseConfig.Api("127.0.0.1", 0, "127.0.0.1"));
    }
}
