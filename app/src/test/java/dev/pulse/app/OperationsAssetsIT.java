package dev.pulse.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.pulse.app.config.PulseConfig;
import dev.pulse.app.ops.PromQl;
import dev.pulse.app.ops.Promtool;
import dev.pulse.app.ops.Scrape;
import dev.pulse.streams.broker.SharedKafkaBroker;
import dev.pulse.warehouse.testing.LocalPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The operations assets against a running Pulse: the Prometheus alert rules and the Grafana
 * dashboard select only metrics that Pulse exports, promtool accepts the rules and the scrape, and
 * the series Pulse itself adds are there from the start.
 */
@ExtendWith(SharedKafkaBroker.class)
class OperationsAssetsIT {
    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static final Path CONFIG = Path.of("..", "config");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir static Path stateDir;
    static final LocalPostgres pg = new LocalPostgres();
    static PulseApplication pulse;
    static PulseHttp http;
    static Scrape scrape;

    /**
     * Pulse with what adds series of its own: a warehouse (the local PostgreSQL) and a push channel
     * (e-mail, to a server that is never called: nothing fires).
     */
    @BeforeAll
    static void start() throws IOException {
        pg.beforeEach(null);
        pg.sql("CREATE TABLE crm_accounts (tenant_id text PRIMARY KEY, name text, owner text)");
        pg.sql(
                "CREATE TABLE usage_events (id bigserial PRIMARY KEY, event_id text, tenant_id"
                        + " text, user_id text, type text, feature text, occurred_at timestamptz,"
                        + " properties jsonb)");
        PulseConfig base = TestPulse.config(stateDir, "ops-" + RUN);
        PulseConfig.Warehouse defaults = base.warehouse();
        PulseConfig config =
                base.withWarehouse(
                                new PulseConfig.Warehouse(
                                        pg.url(),
                                        "",
                                        "",
                                        "pulse",
                                        "disable",
                                        "",
                                        2,
                                        Duration.ofMillis(200),
                                        Duration.ofSeconds(2),
                                        defaults.sink(),
                                        new PulseConfig.WarehouseEvents(
                                                "events-" + RUN,
                                                "usage_events",
                                                "id",
                                                defaults.events().columns(),
                                                Duration.ofSeconds(1),
                                                500),
                                        new PulseConfig.WarehouseDirectory(
                                                "crm_accounts",
                                                "tenantId=tenant_id,name=name,owner=owner",
                                                Duration.ofHours(1))))
                        .withNotifier(
                                base.notifier()
                                        .withEmail(
                                                new PulseConfig.Email(
                                                        "127.0.0.1",
                                                        1,
                                                        "none",
                                                        "",
                                                        "",
                                                        "Pulse <alerts@pulse.test>",
                                                        Duration.ofSeconds(2))));
        pulse = PulseApplication.start(config, PulseApplication.StartupProgress.SILENT);
        pulse.awaitRunning(Duration.ofSeconds(60));
        http = new PulseHttp(pulse.apiPort());
        String tenant = "ops-" + RUN;
        http.addAccounts(tenant + ",Ops Corp,owner-" + RUN + "@e2e.example,10\n");
        http.addEvents(
                "[{\"eventId\":\"o1\",\"tenantId\":\""
                        + tenant
                        + "\",\"userId\":\"u\",\"type\":\"login\",\"timestamp\":\""
                        + Instant.now()
                        + "\"}]");
        // Store metrics register once tasks run; band counts follow the first scored tenant.
        scrape =
                await().atMost(Duration.ofSeconds(90))
                        .until(
                                () -> new Scrape(http.get("/metrics").body()),
                                s ->
                                        s.series("kafka_stream_state_") > 0
                                                && s.value("pulse_accounts{") >= 0
                                                && s.seriesNamed("pulse_accounts") == 3
                                                && sum(s, "pulse_accounts{") >= 1
                                                && s.series("pulse_score_freshness_seconds_count")
                                                        > 0
                                                && s.value("pulse_score_freshness_seconds_count")
                                                        >= 1);
        Path out = Path.of("target", "metrics-scrape.txt");
        Files.writeString(out, scrape.text());
        System.out.printf(
                "Scrape: %,d series, %,d bytes (%s)%n", scrape.series(), scrape.bytes(), out);
    }

    private static double sum(Scrape s, String prefix) {
        return s.text()
                .lines()
                .filter(line -> line.startsWith(prefix))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }

    @AfterAll
    static void stop() {
        if (pulse != null) {
            pulse.close();
        }
        pg.afterEach(null);
    }

    @Test
    void alertRulesSelectOnlyExportedMetricsAndPassPromtool() throws IOException {
        List<Path> files = ruleFiles();
        assertThat(files).isNotEmpty();
        Map<String, Set<String>> missing = new TreeMap<>();
        for (Path file : files) {
            for (JsonNode group : YAML.readTree(file.toFile()).path("groups")) {
                for (JsonNode rule : group.path("rules")) {
                    unexported(rule.path("expr").asText())
                            .forEach(
                                    name ->
                                            missing.computeIfAbsent(
                                                            rule.path("alert").asText(),
                                                            k -> new TreeSet<>())
                                                    .add(name));
                }
            }
        }
        assertThat(missing).as("alert -> metrics not in the scrape").isEmpty();
        Promtool.Result check = Promtool.checkRules(files);
        assertThat(check.ok()).as(check.output()).isTrue();
    }

    @Test
    void alertRulesCoverWhatOperatorsMustHear() throws IOException {
        List<String> alerts = new ArrayList<>();
        for (Path file : ruleFiles()) {
            for (JsonNode group : YAML.readTree(file.toFile()).path("groups")) {
                group.path("rules").forEach(rule -> alerts.add(rule.path("alert").asText()));
            }
        }
        assertThat(alerts)
                .contains(
                        "PulseStreamThreadDied",
                        "PulseConsumerLagGrowing",
                        "PulseFreshnessOverTarget",
                        "PulseNotificationOutboxBackingUp",
                        "PulseWarehouseBehind",
                        "PulseAuditAppendFailures",
                        "PulseRebalancingTooLong",
                        "PulseDedupFilterFull");
    }

    @Test
    void dashboardQueriesSelectOnlyExportedMetrics() throws IOException {
        JsonNode dashboard = JSON.readTree(CONFIG.resolve("grafana/pulse-dashboard.json").toFile());
        Map<String, Set<String>> missing = new TreeMap<>();
        int queries = 0;
        for (JsonNode panel : dashboard.path("panels")) {
            for (JsonNode target : panel.path("targets")) {
                queries++;
                Set<String> names = unexported(target.path("expr").asText());
                if (!names.isEmpty()) {
                    missing.put(panel.path("title").asText(), names);
                }
            }
        }
        assertThat(queries).isGreaterThanOrEqualTo(8);
        assertThat(missing).as("panel -> metrics not in the scrape").isEmpty();
    }

    @Test
    void everyPulseFamilyPassesPromtoolCheckMetrics() {
        String pulseFamilies =
                String.join(
                                "\n",
                                scrape.text()
                                        .lines()
                                        .filter(
                                                line ->
                                                        line.startsWith("pulse_")
                                                                || line.startsWith("# HELP pulse_")
                                                                || line.startsWith("# TYPE pulse_"))
                                        .toList())
                        + "\n";
        assertThat(pulseFamilies).contains("# HELP pulse_");
        Promtool.Result check = Promtool.checkMetrics(pulseFamilies);
        assertThat(check.ok()).as(check.output()).isTrue();
        assertThat(check.output()).isBlank();
    }

    @Test
    void pulseSeriesExistFromTheStartWithBuildInfoAndNoKafkaVersionLabel() {
        assertThat(scrape.value("pulse_build_info{")).isEqualTo(1.0);
        assertThat(scrape.text()).contains("pulse_build_info{revision=\"", "version=\"");
        assertThat(scrape.sampleNames())
                .contains(
                        "pulse_alerts_firing",
                        "pulse_accounts",
                        "pulse_audit_append_failures_total",
                        "pulse_notification_outbox_depth",
                        "pulse_warehouse_sink_lag");
        // Present whatever their value: in CI, alerts from the shared broker's other tests may
        // have counted already (MicrometerPipelineListenerTest pins the pipeline's at 0).
        assertThat(scrape.text())
                .contains(
                        "pulse_alerts_firing{severity=\"critical\"} ",
                        "pulse_alerts_transitions_total{rule=\"usage-drop\","
                                + "severity=\"warning\",state=\"firing\"} ",
                        "pulse_notification_deliveries_total{channel=\"email\","
                                + "outcome=\"failed\"} ",
                        "pulse_notifications_routed_total{reason=\"fired\"} ")
                .doesNotContain("kafka_version=");
    }

    private static Set<String> unexported(String expr) {
        Set<String> names = new TreeSet<>(PromQl.metricNames(expr));
        names.removeAll(scrape.sampleNames());
        return names;
    }

    /** The rule files: the YAML files with rule groups (prometheus.yml beside them is not one). */
    private static List<Path> ruleFiles() throws IOException {
        try (Stream<Path> files = Files.list(CONFIG.resolve("prometheus"))) {
            List<Path> rules = new ArrayList<>();
            for (Path file : files.filter(f -> f.toString().endsWith(".yml")).sorted().toList()) {
                if (YAML.readTree(file.toFile()).has("groups")) {
                    rules.add(file);
                }
            }
            return rules;
        }
    }
}
