package dev.pulse.app;

import dev.pulse.app.config.ConfigLoader;
import dev.pulse.app.config.PulseConfig;
import dev.pulse.streams.connection.KafkaConnection;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Where admin commands find Kafka: the configured cluster, or a running embedded broker. */
final class KafkaTarget {
    @Option(
            names = {"-c", "--config"},
            description = "YAML configuration file over the defaults (see config/pulse.yaml).")
    Path config;

    @Option(
            names = "--bootstrap-servers",
            description =
                    "Kafka to use; default: kafka.bootstrapServers, or the embedded broker of a"
                            + " running Pulse (127.0.0.1:<kafka.embeddedPort>).")
    String bootstrapServers;

    /**
     * The cluster with the configured client settings ({@code kafka.properties}) and topic
     * defaults, at {@code --bootstrap-servers} when given.
     */
    KafkaConnection kafka() {
        PulseConfig loaded = ConfigLoader.load(config, System.getenv());
        PulseConfig.Kafka kafka = loaded.kafka();
        String address;
        if (bootstrapServers != null && !bootstrapServers.isBlank()) {
            address = bootstrapServers;
        } else {
            address =
                    kafka.embedded()
                            ? "127.0.0.1:" + kafka.embeddedPort()
                            : kafka.bootstrapServers();
        }
        return kafka.connection(address, loaded.streams().replicationFactor());
    }
}
