package dev.pulse.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pulse.app.config.ConfigLoader;
import dev.pulse.app.config.PulseConfig;
import dev.pulse.streams.broker.EmbeddedKafkaBroker;
import dev.pulse.streams.connection.KafkaAccessException;
import dev.pulse.topologies.topic.PulseStores;
import dev.pulse.topologies.topic.PulseTopics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pulse on a cluster that admits only SASL-authenticated clients, configured through {@code
 * kafka.properties.*} alone, with the password read from a file by Kafka's {@code
 * FileConfigProvider}: events in, scores out, topics made with the cluster's replication and the
 * configured topic settings; and a wrong password stops Pulse at once, saying why.
 */
class SecuredKafkaIT {
    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static final String PASSWORD = "s3cret-" + RUN;
    private static final String TENANT = "sasl-" + RUN;
    private static final String OWNER = "owner-" + RUN + "@e2e.example";
    private static final Instant HOUR =
            Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(2));

    @TempDir static Path dir;
    static EmbeddedKafkaBroker broker;

    @BeforeAll
    static void startBroker() {
        // The broker's default.replication.factor is 1, as on any single-node cluster.
        broker = EmbeddedKafkaBroker.start(dir.resolve("kafka"), 0, Map.of("pulse", PASSWORD));
    }

    @AfterAll
    static void stopBroker() {
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void scoresEventsOnAClusterThatDemandsSaslWithThePasswordReadFromAFile() throws IOException {
        String applicationId = "sasl-" + RUN;
        PulseConfig config =
                TestPulse.config(
                        dir.resolve("state"),
                        applicationId,
                        kafkaSettings(secretsFile("right.properties", PASSWORD)));
        try (PulseApplication pulse =
                PulseApplication.start(config, PulseApplication.StartupProgress.SILENT)) {
            pulse.awaitRunning(Duration.ofSeconds(60));
            PulseHttp http = new PulseHttp(pulse.apiPort());
            http.addAccounts(TENANT + ",Sasl Corp," + OWNER + ",10");
            http.addEvents(
                    "["
                            + PulseEndToEndIT.event(
                                    "e1", TENANT, "u1", "login", null, HOUR.plusSeconds(60))
                            + ","
                            + PulseEndToEndIT.event(
                                    "e2",
                                    TENANT,
                                    "u2",
                                    "feature_used",
                                    "reports",
                                    HOUR.plusSeconds(120))
                            + "]");

            JsonNode account =
                    await().atMost(Duration.ofSeconds(60))
                            .until(
                                    () -> accountView(http),
                                    a ->
                                            a != null
                                                    && a.path("engagement")
                                                                    .path("last7d")
                                                                    .path("events")
                                                                    .asLong()
                                                            == 2);
            assertThat(account.path("health").path("score").asDouble()).isBetween(0.0, 100.0);

            String changelog = applicationId + "-" + PulseStores.ENGAGEMENT_DAILY + "-changelog";
            assertMadeWithClusterReplicationAndConfiguredTopicSettings(
                    List.of(PulseTopics.USAGE_EVENTS.name(), changelog));
        }
    }

    @Test
    void aWrongPasswordStopsPulseAtOnceNamingTheAuthenticationFailure() throws IOException {
        PulseConfig config =
                TestPulse.config(
                        dir.resolve("state-wrong"),
                        "sasl-wrong-" + RUN,
                        kafkaSettings(secretsFile("wrong.properties", "not-" + PASSWORD)));
        assertTimeoutPreemptively(
                Duration.ofSeconds(30),
                () ->
                        assertThatThrownBy(
                                        () ->
                                                PulseApplication.start(
                                                                config,
                                                                PulseApplication.StartupProgress
                                                                        .SILENT)
                                                        .close())
                                .isInstanceOf(KafkaAccessException.class)
                                .hasMessageContaining("Kafka authentication failed")
                                .hasMessageContaining("sasl.jaas.config")
                                .hasMessageNotContaining("not-" + PASSWORD));
    }

    /**
     * The settings as an operator writes them: a YAML file for most, the environment for one, and
     * the password only in a file of its own.
     */
    private static PulseConfig.Kafka kafkaSettings(Path secrets) throws IOException {
        Path yaml = dir.resolve("pulse-" + secrets.getFileName() + ".yaml");
        Files.writeString(
                yaml,
                "kafka:\n"
                        + "  bootstrapServers: "
                        + broker.saslBootstrapServers()
                        + "\n"
                        + "  properties:\n"
                        + "    security.protocol: SASL_PLAINTEXT\n"
                        + "    config.providers: file\n"
                        + "    config.providers.file.class:"
                        + " org.apache.kafka.common.config.provider.FileConfigProvider\n"
                        + "    sasl.jaas.config: 'org.apache.kafka.common.security.plain"
                        + ".PlainLoginModule required username=\"pulse\""
                        + " password=\"${file:"
                        + secrets
                        + ":password}\";'\n"
                        + "  topicConfigs:\n"
                        + "    min.insync.replicas: 1\n");
        return ConfigLoader.load(yaml, Map.of("PULSE_KAFKA_PROPERTIES_SASL_MECHANISM", "PLAIN"))
                .kafka();
    }

    private static Path secretsFile(String name, String password) throws IOException {
        return Files.writeString(dir.resolve(name), "password=" + password + "\n");
    }

    private static JsonNode accountView(PulseHttp http) {
        PulseHttp.Response response = http.get("/v1/accounts/" + TENANT);
        return response.status() == 200 ? response.json() : null;
    }

    /**
     * One replica (the broker's default: Pulse asked for none), and min.insync.replicas set on the
     * topic itself from kafka.topicConfigs, not inherited from the broker.
     */
    private static void assertMadeWithClusterReplicationAndConfiguredTopicSettings(
            List<String> topics) {
        try (Admin admin =
                Admin.create(
                        Map.of(
                                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                                broker.bootstrapServers()))) {
            Map<String, TopicDescription> described =
                    admin.describeTopics(topics).allTopicNames().get(30, TimeUnit.SECONDS);
            assertThat(described.values())
                    .allSatisfy(
                            d ->
                                    assertThat(d.partitions())
                                            .allSatisfy(p -> assertThat(p.replicas()).hasSize(1)));
            Map<ConfigResource, Config> configs =
                    admin.describeConfigs(
                                    topics.stream()
                                            .map(
                                                    t ->
                                                            new ConfigResource(
                                                                    ConfigResource.Type.TOPIC, t))
                                            .toList())
                            .all()
                            .get(30, TimeUnit.SECONDS);
            assertThat(configs.values())
                    .allSatisfy(
                            c -> {
                                ConfigEntry minIsr = c.get(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG);
                                assertThat(minIsr.value()).isEqualTo("1");
                                assertThat(minIsr.source())
                                        .isEqualTo(ConfigEntry.ConfigSource.DYNAMIC_TOPIC_CONFIG);
                            });
        } catch (Exception e) {
            throw new AssertionError("cannot describe Pulse's topics", e);
        }
    }
}
