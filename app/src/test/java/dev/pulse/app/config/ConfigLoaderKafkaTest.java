package dev.pulse.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pulse.streams.connection.KafkaConnection;
import dev.pulse.streams.connection.TopicDefaults;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderKafkaTest {
    @TempDir Path dir;

    @Test
    void byDefaultNoSettingsPassThroughAndTopicsTakeTheBrokersReplication() {
        PulseConfig config = ConfigLoader.load(null, Map.of());

        assertThat(config.kafka().properties()).isEmpty();
        assertThat(config.kafka().topicConfigs()).isEmpty();
        assertThat(config.streams().replicationFactor()).isEqualTo(TopicDefaults.BROKER_DEFAULT);
    }

    @Test
    void yamlPassesKafkaSettingsThroughFlatOrNestedWithValuesAsStrings() throws IOException {
        Path file =
                Files.writeString(
                        dir.resolve("pulse.yaml"),
                        """
                        kafka:
                          bootstrapServers: kafka-1:9093
                          properties:
                            security.protocol: SASL_SSL
                            sasl:
                              mechanism: SCRAM-SHA-512
                            request.timeout.ms: 20000
                          topicConfigs:
                            min.insync.replicas: 2
                        streams:
                          replicationFactor: 3
                        """);

        PulseConfig config = ConfigLoader.load(file, Map.of());

        assertThat(config.kafka().properties())
                .containsExactlyInAnyOrderEntriesOf(
                        Map.of(
                                "security.protocol", "SASL_SSL",
                                "sasl.mechanism", "SCRAM-SHA-512",
                                "request.timeout.ms", "20000"));
        KafkaConnection kafka =
                config.kafka().connection("kafka-1:9093", config.streams().replicationFactor());
        assertThat(kafka.topics().replicationFactor()).isEqualTo((short) 3);
        assertThat(kafka.topics().configs()).containsEntry("min.insync.replicas", "2");
    }

    @Test
    void theEnvironmentSetsAKafkaSettingByItsNameInUpperSnakeCase() {
        PulseConfig config =
                ConfigLoader.load(
                        null,
                        Map.of(
                                "PULSE_KAFKA_PROPERTIES_SASL_JAAS_CONFIG", "jaas;",
                                "PULSE_KAFKA_PROPERTIES_SECURITY_PROTOCOL", "SASL_SSL",
                                "PULSE_KAFKA_TOPIC_CONFIGS_MIN_INSYNC_REPLICAS", "2"));

        assertThat(config.kafka().properties())
                .containsEntry("sasl.jaas.config", "jaas;")
                .containsEntry("security.protocol", "SASL_SSL");
        assertThat(config.kafka().topicConfigs()).containsEntry("min.insync.replicas", "2");
    }

    @Test
    void aSettingPulseOwnsIsRefusedWhenTheConnectionIsMade() {
        PulseConfig config =
                ConfigLoader.load(
                        null, Map.of("PULSE_KAFKA_PROPERTIES_ISOLATION_LEVEL", "read_uncommitted"));

        assertThatThrownBy(() -> config.kafka().connection("k:9092", (short) -1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("kafka.properties.isolation.level");
    }

    @Test
    void otherUnknownKeysAreStillErrors() throws IOException {
        Path file = Files.writeString(dir.resolve("typo.yaml"), "kafka:\n  propertes: {}\n");

        assertThatThrownBy(() -> ConfigLoader.load(file, Map.of()))
                .hasMessageContaining("unknown configuration key 'kafka.propertes'");
    }
}
