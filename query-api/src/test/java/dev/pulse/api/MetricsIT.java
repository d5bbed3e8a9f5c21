package dev.pulse.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.pulse.access.testing.Scores;
import dev.pulse.api.metrics.JvmMetricsBinder;
import dev.pulse.api.testing.RunningApi;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hawkular.agent.prometheus.text.TextPrometheusMetricsProcessor;
import org.hawkular.agent.prometheus.types.Counter;
import org.hawkular.agent.prometheus.types.Histogram;
import org.hawkular.agent.prometheus.types.Metric;
import org.hawkular.agent.prometheus.types.MetricFamily;
import org.hawkular.agent.prometheus.types.MetricType;
import org.hawkular.agent.prometheus.walkers.CollectorPrometheusMetricsWalker;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code /metrics}, parsed with a real Prometheus text-format parser. */
class MetricsIT {
    private static final Instant NOW = Instant.parse("2026-11-20T10:30:00Z");
    private static final String ROUTE = "/v1/accounts/:tenant";
    private static RunningApi api;

    @BeforeAll
    static void start() {
        api = RunningApi.start(Clock.fixed(NOW, ZoneOffset.UTC));
        JvmMetricsBinder.bindTo(api.registry);
        api.reader.put(Scores.account("acme", "Acme", "sarah@example.com"));
        api.reader.put(Scores.account("globex", "Globex", "sarah@example.com"));
    }

    @AfterAll
    static void stop() {
        JvmMetricsBinder.bindTo(api.registry).close();
        api.close();
    }

    private static List<MetricFamily> scrape() {
        HttpResponse<String> response = api.get("/metrics");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValue("text/plain; version=0.0.4; charset=utf-8");
        CollectorPrometheusMetricsWalker walker = new CollectorPrometheusMetricsWalker();
        new TextPrometheusMetricsProcessor(
                        new ByteArrayInputStream(response.body().getBytes(StandardCharsets.UTF_8)),
                        walker)
                .walk();
        return walker.getAllMetricFamilies();
    }

    private static Optional<MetricFamily> family(List<MetricFamily> families, String name) {
        return families.stream().filter(f -> f.getName().equals(name)).findFirst();
    }

    private static Optional<Metric> metric(MetricFamily family, Map<String, String> labels) {
        return family.getMetrics().stream()
                .filter(m -> m.getLabels().entrySet().containsAll(labels.entrySet()))
                .findFirst();
    }

    private static double counter(
            List<MetricFamily> families, String name, Map<String, String> labels) {
        return family(families, name)
                .flatMap(f -> metric(f, labels))
                .map(m -> ((Counter) m).getValue())
                .orElse(0.0);
    }

    @Test
    void exposesHttpRequestMetricsByRouteTemplate() {
        for (int i = 0; i < 3; i++) {
            assertThat(api.get("/v1/accounts/acme").statusCode()).isEqualTo(200);
        }
        assertThat(api.get("/v1/accounts/globex").statusCode()).isEqualTo(200);
        assertThat(api.get("/v1/accounts/nobody").statusCode()).isEqualTo(404);
        Map<String, String> ok = Map.of("route", ROUTE, "method", "GET", "code", "200");

        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(
                        () ->
                                assertThat(
                                                counter(
                                                        scrape(),
                                                        "vertx_http_server_requests_total",
                                                        ok))
                                        .isEqualTo(4.0));

        List<MetricFamily> families = scrape();
        MetricFamily requests = family(families, "vertx_http_server_requests_total").orElseThrow();
        assertThat(requests.getType()).isEqualTo(MetricType.COUNTER);
        assertThat(
                        counter(
                                families,
                                "vertx_http_server_requests_total",
                                Map.of("route", ROUTE, "code", "404")))
                .isEqualTo(1.0);
        assertThat(requests.getMetrics())
                .as("tenant ids never become label values")
                .allSatisfy(
                        m -> assertThat(m.getLabels().values()).noneMatch(v -> v.contains("acme")));

        MetricFamily responseTime =
                family(families, "vertx_http_server_response_time_seconds").orElseThrow();
        assertThat(responseTime.getType()).isEqualTo(MetricType.HISTOGRAM);
        Histogram accounts = (Histogram) metric(responseTime, ok).orElseThrow();
        assertThat(accounts.getSampleCount()).isEqualTo(4);
        assertThat(accounts.getSampleSum()).isPositive().isLessThan(60.0);
        assertThat(accounts.getBuckets()).hasSizeGreaterThan(5);
        assertThat(accounts.getBuckets().get(accounts.getBuckets().size() - 1).getCumulativeCount())
                .isEqualTo(4);
    }

    @Test
    void exposesIngestOutcomes() {
        List<MetricFamily> before = scrape();
        MetricFamily ingest = family(before, "pulse_ingest_events_total").orElseThrow();
        assertThat(ingest.getType()).isEqualTo(MetricType.COUNTER);
        assertThat(ingest.getMetrics())
                .extracting(m -> m.getLabels().get("outcome"))
                .contains("accepted", "rejected", "failed");
        double accepted =
                counter(before, "pulse_ingest_events_total", Map.of("outcome", "accepted"));
        double rejected =
                counter(before, "pulse_ingest_events_total", Map.of("outcome", "rejected"));

        String event =
                "{\"eventId\":\"%s\",\"tenantId\":\"acme\",\"userId\":\"u\",\"type\":\"login\","
                        + "\"timestamp\":\"2026-11-20T09:00:00Z\"}";
        HttpResponse<String> response =
                api.post(
                        "/v1/events",
                        "application/json",
                        "[" + event.formatted("a") + "," + event.formatted("b") + ",{}]");
        assertThat(response.statusCode()).isEqualTo(200);

        List<MetricFamily> after = scrape();
        assertThat(counter(after, "pulse_ingest_events_total", Map.of("outcome", "accepted")))
                .isEqualTo(accepted + 2);
        assertThat(counter(after, "pulse_ingest_events_total", Map.of("outcome", "rejected")))
                .isEqualTo(rejected + 1);
    }

    @Test
    void exposesJvmMetricsBoundOnce() {
        assertThat(JvmMetricsBinder.bindTo(api.registry))
                .isSameAs(JvmMetricsBinder.bindTo(api.registry));
        List<MetricFamily> families = scrape();
        assertThat(family(families, "jvm_memory_used_bytes")).isPresent();
        assertThat(family(families, "process_uptime_seconds")).isPresent();
        assertThat(family(families, "jvm_threads_live_threads")).isPresent();
    }
}
