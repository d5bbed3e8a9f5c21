package dev.pulse.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pulse.streams.broker.SharedKafkaBroker;
import dev.pulse.topologies.topic.PulseTopics;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.hawkular.agent.prometheus.text.TextPrometheusMetricsProcessor;
import org.hawkular.agent.prometheus.types.MetricFamily;
import org.hawkular.agent.prometheus.types.MetricType;
import org.hawkular.agent.prometheus.walkers.CollectorPrometheusMetricsWalker;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Events in over HTTP and Kafka, scores and engagement out over HTTP, on a real broker. */
@ExtendWith(SharedKafkaBroker.class)
class PulseEndToEndIT {
    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static final String OWNER = "owner-" + RUN + "@e2e.example";
    private static final String BUSY = "e2e-" + RUN + "-busy";
    private static final String QUIET = "e2e-" + RUN + "-quiet";
    // Two whole hours back, so the events fall into two known hourly buckets.
    private static final Instant HOUR =
            Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(2));

    @TempDir static Path stateDir;
    static PulseApplication pulse;
    static PulseHttp http;

    @BeforeAll
    static void start() {
        pulse =
                PulseApplication.start(
                        TestPulse.config(stateDir, "e2e-" + RUN),
                        PulseApplication.StartupProgress.SILENT);
        pulse.awaitRunning(Duration.ofSeconds(60));
        http = new PulseHttp(pulse.apiPort());
    }

    @AfterAll
    static void stop() {
        if (pulse != null) {
            pulse.close();
        }
    }

    @Test
    void servesScoreEngagementTimeseriesAndPortfolioComputedFromIngestedEvents() {
        PulseHttp.Response accounts =
                http.post(
                        "/v1/accounts",
                        "text/csv",
                        "tenantId,name,owner,licensedSeats,plan,renewalDate\n"
                                + BUSY
                                + ",Busy Corp,"
                                + OWNER
                                + ",10,growth,2027-03-31\n"
                                + QUIET
                                + ",Quiet Ltd,"
                                + OWNER
                                + ",40,starter,2027-01-15\n");
        assertThat(accounts.status()).isEqualTo(200);
        assertThat(accounts.json().path("accepted").asInt()).isEqualTo(2);

        StringBuilder events = new StringBuilder("[");
        // Busy: 3 users; 5 events in the first hour, 7 in the second; one re-delivery.
        for (int i = 0; i < 12; i++) {
            Instant at = HOUR.plus(Duration.ofMinutes(i < 5 ? 10 + i : 70 + i));
            events.append(event("b" + i, BUSY, "user-" + (i % 3), "feature_used", "reports", at))
                    .append(',');
        }
        events.append(
                        event(
                                "b3",
                                BUSY,
                                "user-0",
                                "feature_used",
                                "reports",
                                HOUR.plus(Duration.ofMinutes(13))))
                .append(',');
        events.append(event("q0", QUIET, "solo", "login", null, HOUR.plus(Duration.ofMinutes(30))))
                .append(',');
        events.append("{\"eventId\":\"bad\",\"tenantId\":\"" + BUSY + "\",\"type\":\"login\"}]");
        PulseHttp.Response ingest = http.post("/v1/events", "application/json", events.toString());
        assertThat(ingest.status()).isEqualTo(200);
        assertThat(ingest.json().path("accepted").asInt()).isEqualTo(14);
        assertThat(ingest.json().path("rejected").asInt()).isEqualTo(1);
        assertThat(ingest.json().path("results").get(14).path("reason").asText())
                .contains("userId");

        JsonNode busy =
                await().atMost(Duration.ofSeconds(60))
                        .until(
                                () -> accountView(BUSY),
                                a ->
                                        a != null
                                                && a.path("engagement")
                                                                .path("last7d")
                                                                .path("events")
                                                                .asLong()
                                                        == 12
                                                && HOUR.plus(Duration.ofMinutes(81))
                                                        .toString()
                                                        .equals(
                                                                a.path("health")
                                                                        .path("lastEventAt")
                                                                        .asText()));
        assertThat(busy.path("engagement").path("last7d").path("activeUsers").asLong())
                .isEqualTo(3);
        JsonNode health = busy.path("health");
        assertThat(health.path("score").asDouble()).isBetween(0.0, 100.0);
        assertThat(health.path("contributions")).hasSize(7);
        assertThat(Instant.parse(health.path("lastEventAt").asText()))
                .isEqualTo(HOUR.plus(Duration.ofMinutes(81)));
        assertThat(health.path("contributions").get(0).path("explanation").asText())
                .isEqualTo("3 of 10 licensed seats active in the last 14 days (30%)");

        JsonNode hourly =
                http.get(
                                "/v1/accounts/"
                                        + BUSY
                                        + "/timeseries?metric=events&step=hour&from="
                                        + HOUR
                                        + "&to="
                                        + HOUR.plus(Duration.ofHours(2)))
                        .json();
        assertThat(hourly.path("points")).hasSize(2);
        assertThat(hourly.path("points").get(0).path("value").asLong()).isEqualTo(5);
        assertThat(hourly.path("points").get(1).path("value").asLong()).isEqualTo(7);

        JsonNode users =
                http.get(
                                "/v1/accounts/"
                                        + BUSY
                                        + "/timeseries?metric=active_users&step=hour&from="
                                        + HOUR
                                        + "&to="
                                        + HOUR.plus(Duration.ofHours(2)))
                        .json();
        assertThat(users.path("points").get(0).path("value").asLong()).isEqualTo(3);

        JsonNode portfolio =
                await().atMost(Duration.ofSeconds(30))
                        .until(
                                () -> http.get("/v1/portfolio?owner=" + OWNER).json(),
                                p ->
                                        p.path("accounts").size() == 2
                                                && !p.path("accounts")
                                                        .get(1)
                                                        .path("score")
                                                        .isMissingNode());
        List<Double> scores = new ArrayList<>();
        portfolio.path("accounts").forEach(a -> scores.add(a.path("score").asDouble()));
        JsonNode first = portfolio.path("accounts").get(0);
        JsonNode second = portfolio.path("accounts").get(1);
        assertThat(
                        first.path("band").asText().equals(second.path("band").asText())
                                ? scores.get(0) <= scores.get(1)
                                : rank(first) < rank(second))
                .isTrue();
        assertThat(http.get("/v1/accounts/nobody-" + RUN).status()).isEqualTo(404);
    }

    @Test
    void deadLettersAMalformedRecordWithItsReasonAndCountsIt() {
        byte[] garbage = ("{\"eventId\": \"x-" + RUN + "\", oops").getBytes(StandardCharsets.UTF_8);
        try (KafkaProducer<String, byte[]> producer = producer()) {
            producer.send(new ProducerRecord<>(PulseTopics.USAGE_EVENTS.name(), BUSY, garbage));
        }
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, pulse.bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "dlq-reader-" + RUN);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        try (KafkaConsumer<String, byte[]> consumer =
                new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(PulseTopics.USAGE_EVENTS_DEAD_LETTER.name()));
            List<ConsumerRecord<String, byte[]>> mine = new ArrayList<>();
            await().atMost(Duration.ofSeconds(60))
                    .until(
                            () -> {
                                consumer.poll(Duration.ofMillis(200))
                                        .forEach(
                                                r -> {
                                                    if (new String(
                                                                    r.value(),
                                                                    StandardCharsets.UTF_8)
                                                            .contains("x-" + RUN)) {
                                                        mine.add(r);
                                                    }
                                                });
                                return !mine.isEmpty();
                            });
            ConsumerRecord<String, byte[]> dead = mine.get(0);
            assertThat(dead.value()).isEqualTo(garbage);
            assertThat(dead.key()).isEqualTo(BUSY);
            assertThat(
                            new String(
                                    dead.headers().lastHeader(PulseTopics.DLQ_CODE_HEADER).value(),
                                    StandardCharsets.UTF_8))
                    .isEqualTo("malformed_json");
        }
        await().atMost(Duration.ofSeconds(10))
                .until(
                        () -> http.get("/metrics").body(),
                        m ->
                                m.contains(
                                        "pulse_events_dead_lettered_total{reason=\"malformed_json\"}"));
    }

    @Test
    void exposesStreamsHttpAndPipelineMetricsInValidPrometheusTextFormat() {
        // Store metrics register once tasks run and are picked up by the next metrics refresh.
        await().atMost(Duration.ofSeconds(30))
                .until(
                        () ->
                                families().keySet().stream()
                                        .anyMatch(n -> n.startsWith("kafka_stream_state_")));
        Map<String, MetricFamily> families = families();
        assertThat(families)
                .containsKeys(
                        "kafka_stream_thread_process_rate",
                        "kafka_consumer_fetch_manager_records_lag_max",
                        "pulse_events_counted_total",
                        "pulse_ingest_events_total",
                        "vertx_http_server_response_time_seconds",
                        "jvm_memory_used_bytes");
        assertThat(families.keySet()).anyMatch(name -> name.startsWith("kafka_stream_state_"));
        assertThat(families.get("vertx_http_server_response_time_seconds").getType())
                .isEqualTo(MetricType.HISTOGRAM);
    }

    private static Map<String, MetricFamily> families() {
        PulseHttp.Response response = http.get("/metrics");
        assertThat(response.status()).isEqualTo(200);
        CollectorPrometheusMetricsWalker walker = new CollectorPrometheusMetricsWalker();
        new TextPrometheusMetricsProcessor(
                        new java.io.ByteArrayInputStream(
                                response.body().getBytes(StandardCharsets.UTF_8)),
                        walker)
                .walk();
        Map<String, MetricFamily> byName = new java.util.HashMap<>();
        walker.getAllMetricFamilies().forEach(f -> byName.put(f.getName(), f));
        return byName;
    }

    private static int rank(JsonNode account) {
        return switch (account.path("band").asText()) {
            case "at_risk" -> 0;
            case "neutral" -> 1;
            default -> 2;
        };
    }

    private static JsonNode accountView(String tenant) {
        PulseHttp.Response response = http.get("/v1/accounts/" + tenant);
        return response.status() == 200 ? response.json() : null;
    }

    static KafkaProducer<String, byte[]> producer() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedKafkaBroker.bootstrapServers());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        return new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
    }

    static String event(
            String id, String tenant, String user, String type, String feature, Instant at) {
        return "{\"eventId\":\""
                + id
                + "\",\"tenantId\":\""
                + tenant
                + "\",\"userId\":\""
                + user
                + "\",\"type\":\""
                + type
                + "\""
                + (feature == null ? "" : ",\"feature\":\"" + feature + "\"")
                + ",\"timestamp\":\""
                + at
                + "\"}";
    }
}
