package dev.pulse.streams.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;

class KafkaConnectionTest {

    @Test
    void passThroughSettingsReachEveryClientConfigAndWinOverPulsesTuning() {
        KafkaConnection kafka =
                new KafkaConnection(
                        "kafka-1:9093",
                        Map.of("security.protocol", "SASL_SSL", "linger.ms", "50"),
                        null);

        Map<String, Object> config = kafka.clientConfig(Map.of("linger.ms", 5, "acks", "all"));

        assertThat(config)
                .containsEntry("bootstrap.servers", "kafka-1:9093")
                .containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("linger.ms", "50")
                .containsEntry("acks", "all");
    }

    @Test
    void settingsPulseOwnsAreRefusedWithTheReasonAndTheKeyToUseInstead() {
        assertThatThrownBy(
                        () ->
                                new KafkaConnection(
                                        "k:9092",
                                        Map.of(
                                                "processing.guarantee", "at_least_once",
                                                "producer.enable.idempotence", "false",
                                                "bootstrap.servers", "other:9092",
                                                "topic.min.insync.replicas", "2"),
                                        null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("kafka.properties.processing.guarantee (Pulse runs")
                .hasMessageContaining("kafka.properties.producer.enable.idempotence")
                .hasMessageContaining("set kafka.bootstrapServers instead")
                .hasMessageContaining("kafka.topicConfigs");
    }

    @Test
    void describingTheConnectionNeverShowsASettingsValue() {
        KafkaConnection kafka =
                new KafkaConnection(
                        "k:9092",
                        Map.of(
                                "security.protocol", "SASL_PLAINTEXT",
                                "sasl.jaas.config", "… password=\"hunter2\";"),
                        null);

        assertThat(kafka.describe()).isEqualTo("k:9092 (SASL_PLAINTEXT)");
        assertThat(kafka.toString()).contains("sasl.jaas.config").doesNotContain("hunter2");
    }

    @Test
    void topicsWithoutAReplicationFactorGetTheBrokersDefaultOrTheConfiguredOne() {
        NewTopic asked = new NewTopic("t", Optional.of(3), Optional.empty());

        assertThat(TopicDefaults.BROKER_DEFAULTS.applyTo(asked).replicationFactor())
                .isEqualTo((short) -1);
        assertThat(new TopicDefaults((short) 3, Map.of()).applyTo(asked).replicationFactor())
                .isEqualTo((short) 3);
        assertThat(new TopicDefaults((short) 3, Map.of()).applyTo(asked).numPartitions())
                .isEqualTo(3);
    }

    @Test
    void configuredTopicSettingsAreAddedButATopicsOwnSettingsWin() {
        TopicDefaults defaults =
                new TopicDefaults(
                        TopicDefaults.BROKER_DEFAULT,
                        Map.of("min.insync.replicas", "2", "cleanup.policy", "delete"));
        NewTopic compacted =
                new NewTopic("t", Optional.of(1), Optional.empty())
                        .configs(Map.of("cleanup.policy", "compact"));

        assertThat(defaults.applyTo(compacted).configs())
                .containsEntry("min.insync.replicas", "2")
                .containsEntry("cleanup.policy", "compact");
    }

    @Test
    void aReplicationFactorBelowOneOtherThanTheBrokerDefaultIsRefused() {
        assertThatThrownBy(() -> new TopicDefaults((short) 0, Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("-1 for the broker's default");
    }
}
