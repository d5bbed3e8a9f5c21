package dev.pulse.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.pulse.app.config.ConfigLoader;
import dev.pulse.app.config.PulseConfig;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * docker-compose.yml against Pulse, without Docker (images cannot be pulled everywhere the tests
 * run): the services are there, every {@code PULSE_*} variable is one Pulse reads and the Pulse
 * services' environment loads through the real {@link ConfigLoader}, published ports and health
 * checks use the configured API port, mounted files exist, and Prometheus and Grafana are wired to
 * the Pulse services, the alert rules and the dashboard.
 */
class ComposeFileTest {
    static final Path ROOT = Path.of("..");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Pattern DEFAULTED = Pattern.compile("\\$\\{([A-Z0-9_]+)(?::?-([^}]*))?}");

    static JsonNode services;
    static int apiPort;

    @BeforeAll
    static void parse() throws IOException {
        services = YAML.readTree(ROOT.resolve("docker-compose.yml").toFile()).path("services");
        apiPort = ConfigLoader.load(null, Map.of()).api().port();
    }

    @Test
    void hasTheWholeStack() {
        assertThat(serviceNames())
                .contains(
                        "kafka-1",
                        "kafka-2",
                        "kafka-3",
                        "pulse-1",
                        "pulse-2",
                        "postgres",
                        "prometheus",
                        "grafana",
                        "mailpit",
                        "flink-jobmanager",
                        "flink-taskmanager");
        assertThat(byImage("apache/kafka:")).hasSize(3);
        assertThat(pulseServices()).containsExactly("pulse-1", "pulse-2");
        assertThat(byImage("postgres:")).containsExactly("postgres");
        assertThat(byImage("prom/prometheus:")).containsExactly("prometheus");
        assertThat(byImage("grafana/grafana:")).containsExactly("grafana");
        assertThat(byImage("axllent/mailpit:")).containsExactly("mailpit");
        assertThat(byImage("flink:"))
                .extracting(name -> services.path(name).path("command").asText())
                .containsExactlyInAnyOrder("jobmanager", "taskmanager");
    }

    @Test
    void imagesArePinned() {
        for (String name : serviceNames()) {
            String image = services.path(name).path("image").asText();
            assertThat(image).as(name).isNotEmpty();
            if (!services.path(name).has("build")) {
                assertThat(image).as(name).matches(".+:[0-9v][^:]*").doesNotEndWith(":latest");
            }
        }
    }

    @Test
    void kafkaIsOneKraftClusterOfThreeNodes() {
        Set<String> clusterIds = new TreeSet<>();
        Set<String> nodeIds = new TreeSet<>();
        for (String kafka : byImage("apache/kafka:")) {
            Map<String, String> env = environment(kafka);
            clusterIds.add(env.get("CLUSTER_ID"));
            nodeIds.add(env.get("KAFKA_NODE_ID"));
            assertThat(env.get("KAFKA_PROCESS_ROLES")).isEqualTo("broker,controller");
            assertThat(env.get("KAFKA_CONTROLLER_QUORUM_VOTERS"))
                    .isEqualTo("1@kafka-1:9093,2@kafka-2:9093,3@kafka-3:9093");
            assertThat(env.get("KAFKA_ADVERTISED_LISTENERS"))
                    .contains("PLAINTEXT://" + kafka + ":9092");
            assertThat(services.path(kafka).has("healthcheck")).as(kafka).isTrue();
        }
        assertThat(clusterIds).hasSize(1);
        assertThat(nodeIds).containsExactly("1", "2", "3");
    }

    @Test
    void pulseSetsOnlyVariablesPulseReads() {
        for (String pulse : pulseServices()) {
            assertThat(PulseEnvironment.unread(environment(pulse).keySet()))
                    .as("PULSE_* variables of %s that Pulse does not read", pulse)
                    .isEmpty();
        }
    }

    @Test
    void theVariableCheckKnowsPulseAndCatchesTypos() {
        assertThat(
                        PulseEnvironment.unread(
                                List.of(
                                        "PULSE_STREAMS_STANDBY_REPLICAS",
                                        "PULSE_KAFKA_PROPERTIES_SECURITY_PROTOCOL",
                                        "PULSE_WAREHOUSE_PASSWORD",
                                        "PULSE_OIDC_CLIENT_SECRET",
                                        "PULSE_FLINK_JOBMANAGER",
                                        "PULSE_API_KEY",
                                        "JAVA_TOOL_OPTIONS",
                                        "PULSE_STREAMS_STANDBY_REPLICA",
                                        "PULSE_KAFKA_PROPERTIES_",
                                        "PULSE_API_ADVERTISED_HOSTNAME")))
                .containsExactly(
                        "PULSE_API_ADVERTISED_HOSTNAME",
                        "PULSE_KAFKA_PROPERTIES_",
                        "PULSE_STREAMS_STANDBY_REPLICA");
    }

    @Test
    void pulseInstancesShareTheWorkWithStandbys() {
        Set<String> applicationIds = new TreeSet<>();
        for (String pulse : pulseServices()) {
            PulseConfig config = config(pulse);
            applicationIds.add(config.streams().applicationId());
            assertThat(config.streams().standbyReplicas()).as(pulse).isPositive();
            assertThat(config.streams().replicationFactor()).as(pulse).isEqualTo((short) 3);
            assertThat(config.kafka().bootstrapServers().split(","))
                    .containsExactlyInAnyOrderElementsOf(
                            byImage("apache/kafka:").stream().map(k -> k + ":9092").toList());
            // Other instances reach this one by its service name.
            assertThat(config.api().advertisedHost()).isEqualTo(pulse);
            assertThat(config.auth().internalToken()).as(pulse).isNotBlank();
            assertThat(config.warehouse().url()).startsWith("postgresql://pulse@postgres:5432/");
            assertThat(config.notifier().email().host()).isEqualTo("mailpit");
            assertThat(config.notifier().email().port()).isEqualTo(1025);
            assertThat(environment(pulse).get("PULSE_FLINK_JOBMANAGER"))
                    .isEqualTo("flink-jobmanager:8081");
        }
        assertThat(applicationIds).hasSize(1);
        assertThat(environment("pulse-1").get("PULSE_AUTH_INTERNAL_TOKEN"))
                .isEqualTo(environment("pulse-2").get("PULSE_AUTH_INTERNAL_TOKEN"));
    }

    @Test
    void pulseListensPublishesAndIsCheckedOnTheApiPort() {
        for (String pulse : pulseServices()) {
            PulseConfig config = config(pulse);
            assertThat(config.api().port()).isEqualTo(apiPort);
            for (JsonNode port : services.path(pulse).path("ports")) {
                assertThat(containerPort(port.asText())).as(pulse).isEqualTo(apiPort);
            }
            assertThat(services.path(pulse).path("ports")).hasSize(1);
            assertThat(services.path(pulse).path("healthcheck").path("test").toString())
                    .contains("http://localhost:" + apiPort + "/health/ready");
        }
    }

    @Test
    void pulseKeepsItsStateOnAVolumeOfItsOwn() {
        Set<String> stateVolumes = new TreeSet<>();
        for (String pulse : pulseServices()) {
            String stateDir = config(pulse).streams().stateDir();
            String volume =
                    volumes(pulse).stream()
                            .filter(v -> !v[0].startsWith(".") && stateDir.startsWith(v[1] + "/"))
                            .map(v -> v[0])
                            .findFirst()
                            .orElseThrow(
                                    () ->
                                            new AssertionError(
                                                    pulse
                                                            + " keeps "
                                                            + stateDir
                                                            + " on no volume"));
            stateVolumes.add(volume);
        }
        assertThat(stateVolumes).hasSameSizeAs(pulseServices());
    }

    @Test
    void pulseStartsAfterWhatItNeedsIsHealthy() {
        for (String pulse : pulseServices()) {
            JsonNode dependsOn = services.path(pulse).path("depends_on");
            for (String needed : List.of("kafka-1", "kafka-2", "kafka-3", "postgres", "mailpit")) {
                assertThat(dependsOn.path(needed).path("condition").asText())
                        .as(pulse + " on " + needed)
                        .isEqualTo("service_healthy");
            }
        }
        for (String name : serviceNames()) {
            services.path(name)
                    .path("depends_on")
                    .fieldNames()
                    .forEachRemaining(
                            needed -> {
                                assertThat(serviceNames()).contains(needed);
                                assertThat(services.path(needed).has("healthcheck"))
                                        .as(name + " waits for " + needed + "'s health check")
                                        .isTrue();
                            });
        }
    }

    @Test
    void everyMountedFileExists() {
        for (String name : serviceNames()) {
            for (String source : volumeSources(name)) {
                if (source.startsWith(".")) {
                    assertThat(ROOT.resolve(source)).as(name + " mounts " + source).exists();
                }
            }
        }
    }

    @Test
    void prometheusScrapesBothInstancesWithTheAlertRules() throws IOException {
        JsonNode prometheus =
                YAML.readTree(mountedFile("prometheus", "/etc/prometheus/prometheus.yml").toFile());
        List<String> targets = new ArrayList<>();
        for (JsonNode job : prometheus.path("scrape_configs")) {
            assertThat(job.path("job_name").asText()).isEqualTo("pulse");
            assertThat(job.path("metrics_path").asText("/metrics")).isEqualTo("/metrics");
            job.path("static_configs")
                    .forEach(c -> c.path("targets").forEach(t -> targets.add(t.asText())));
        }
        assertThat(targets)
                .containsExactlyInAnyOrderElementsOf(
                        pulseServices().stream().map(p -> p + ":" + apiPort).toList());

        String rules = mountTarget("prometheus", "./config/prometheus/pulse-alerts.yml");
        assertThat(prometheus.path("rule_files"))
                .extracting(JsonNode::asText)
                .containsExactly(rules);
        assertThat(services.path("prometheus").path("command").toString())
                .contains("--config.file=/etc/prometheus/prometheus.yml");
    }

    @Test
    void grafanaProvisionsPrometheusAndThePulseDashboard() throws IOException {
        Path provisioning = mountedFile("grafana", "/etc/grafana/provisioning");
        JsonNode datasources =
                YAML.readTree(provisioning.resolve("datasources/prometheus.yml").toFile());
        JsonNode source = datasources.path("datasources").get(0);
        assertThat(source.path("type").asText()).isEqualTo("prometheus");
        assertThat(source.path("url").asText()).isEqualTo("http://prometheus:9090");
        assertThat(containerPort(services.path("prometheus").path("ports").get(0).asText()))
                .isEqualTo(9090);
        assertThat(source.path("isDefault").asBoolean()).isTrue();

        JsonNode dashboards = YAML.readTree(provisioning.resolve("dashboards/pulse.yml").toFile());
        String folder = dashboards.path("providers").get(0).path("options").path("path").asText();
        String dashboard = mountTarget("grafana", "./config/grafana/pulse-dashboard.json");
        assertThat(Path.of(dashboard).getParent()).isEqualTo(Path.of(folder));
    }

    /**
     * Where Docker Compose is installed, it validates the file too (offline: nothing is pulled).
     */
    @Test
    void dockerComposeAcceptsTheFileWhereItIsInstalled() throws Exception {
        assumeTrue(succeeds("docker", "compose", "version"), "docker compose is not installed");
        assertThat(succeeds("docker", "compose", "-f", "docker-compose.yml", "config", "--quiet"))
                .as("docker compose config")
                .isTrue();
    }

    private static boolean succeeds(String... command) throws InterruptedException {
        try {
            Process process =
                    new ProcessBuilder(command)
                            .directory(ROOT.toFile())
                            .redirectErrorStream(true)
                            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                            .start();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return false;
            }
            return process.exitValue() == 0;
        } catch (IOException notInstalled) {
            return false;
        }
    }

    // --- reading the compose file

    static List<String> serviceNames() {
        List<String> names = new ArrayList<>();
        services.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** The services built from this repository's Dockerfile. */
    static List<String> pulseServices() {
        return serviceNames().stream().filter(name -> services.path(name).has("build")).toList();
    }

    private static List<String> byImage(String prefix) {
        return serviceNames().stream()
                .filter(name -> services.path(name).path("image").asText().startsWith(prefix))
                .toList();
    }

    /** A service's environment, {@code ${VAR:-default}} taken as its default. */
    static Map<String, String> environment(String service) {
        Map<String, String> env = new LinkedHashMap<>();
        JsonNode node = services.path(service).path("environment");
        if (node.isArray()) {
            node.forEach(
                    entry -> {
                        String[] pair = entry.asText().split("=", 2);
                        env.put(pair[0], pair.length > 1 ? interpolate(pair[1]) : "");
                    });
        } else {
            node.fields()
                    .forEachRemaining(e -> env.put(e.getKey(), interpolate(e.getValue().asText())));
        }
        return env;
    }

    private static String interpolate(String value) {
        Matcher variable = DEFAULTED.matcher(value);
        return variable.replaceAll(
                m -> Matcher.quoteReplacement(m.group(2) == null ? "" : m.group(2)));
    }

    /** The configuration a Pulse service runs with: its environment through the real loader. */
    private static PulseConfig config(String pulse) {
        return ConfigLoader.load(null, environment(pulse));
    }

    private static int containerPort(String mapping) {
        String port = mapping.substring(mapping.lastIndexOf(':') + 1);
        return Integer.parseInt(port.replace("/tcp", ""));
    }

    private static List<String[]> volumes(String service) {
        List<String[]> volumes = new ArrayList<>();
        services.path(service)
                .path("volumes")
                .forEach(volume -> volumes.add(volume.asText().split(":")));
        return volumes;
    }

    private static List<String> volumeSources(String service) {
        return volumes(service).stream().map(v -> v[0]).toList();
    }

    private static String mountTarget(String service, String source) {
        return volumes(service).stream()
                .filter(v -> v[0].equals(source))
                .map(v -> v[1])
                .findFirst()
                .orElseThrow(() -> new AssertionError(service + " does not mount " + source));
    }

    private static Path mountedFile(String service, String target) {
        return volumes(service).stream()
                .filter(v -> v[1].equals(target) && v[0].startsWith("."))
                .map(v -> ROOT.resolve(v[0]))
                .findFirst()
                .orElseThrow(() -> new AssertionError(service + " mounts nothing at " + target));
    }
}
