package dev.pulse.api;

import static dev.pulse.api.testing.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pulse.access.audit.AuditReader;
import dev.pulse.access.audit.AuditTopic;
import dev.pulse.access.audit.KafkaAuditLog;
import dev.pulse.access.testing.Scores;
import dev.pulse.api.testing.RunningApi;
import dev.pulse.api.testing.TestUsers;
import dev.pulse.streams.broker.SharedKafkaBroker;
import dev.pulse.streams.connection.KafkaConnection;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code GET /v1/audit} and {@code /v1/audit/verify} over the real Kafka audit log: admins read
 * what was recorded, filtered; the chain verifies; the reads are audited themselves.
 */
@ExtendWith(SharedKafkaBroker.class)
class AuditRoutesIT {
    private static KafkaAuditLog kafkaLog;
    private static RunningApi api;

    @BeforeAll
    static void start() {
        String topic = "pulse.audit.test-" + UUID.randomUUID();
        KafkaConnection bootstrap = SharedKafkaBroker.connection();
        AuditTopic.ensure(bootstrap, topic, Duration.ofDays(1));
        kafkaLog =
                new KafkaAuditLog(
                        bootstrap, topic, UUID.randomUUID().toString(), new SimpleMeterRegistry());
        api =
                RunningApi.builder()
                        .alsoAuditTo(kafkaLog)
                        .auditReader(new AuditReader(bootstrap, topic))
                        .start();
        api.reader
                .put(Scores.account("acme", "Acme", TestUsers.SARAH))
                .put(Scores.account("wayne", "Wayne", TestUsers.MARC));
    }

    @AfterAll
    static void stop() {
        api.close();
        kafkaLog.close();
    }

    private static JsonNode records(String query) {
        HttpResponse<String> response = api.get("/v1/audit" + query);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode page = RunningApi.json(response);
        assertThat(page.path("count").asInt()).isEqualTo(page.path("records").size());
        return page.path("records");
    }

    private static List<String> field(JsonNode records, String name) {
        List<String> values = new ArrayList<>();
        records.forEach(r -> values.add(r.path("entry").path(name).asText()));
        return values;
    }

    @Test
    void adminsReadFilteredRecordsAndTheChainVerifies() {
        assertThat(api.as(TestUsers.SARAH).get("/v1/accounts/acme").statusCode()).isEqualTo(200);
        assertThat(api.as(TestUsers.SARAH).get("/v1/accounts/wayne").statusCode()).isEqualTo(403);
        kafkaLog.flush();

        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(
                        () -> {
                            JsonNode sarahs = records("?subject=sarah@example.com");
                            assertThat(field(sarahs, "action"))
                                    .containsExactly(
                                            "GET /v1/accounts/:tenant", "GET /v1/accounts/:tenant");
                        });
        JsonNode denied = records("?subject=sarah@example.com&result=denied");
        assertThat(denied).hasSize(1);
        JsonNode entry = denied.get(0).path("entry");
        assertThat(entry.path("tenants").get(0).asText()).isEqualTo("wayne");
        assertThat(entry.path("status").asInt()).isEqualTo(403);
        assertThat(entry.path("allowed").asBoolean()).isFalse();
        assertThat(denied.get(0).path("hash").asText()).hasSize(64);

        assertThat(records("?tenant=acme&result=allowed")).hasSize(1);
        assertThat(records("?limit=1")).hasSize(1);
        assertThat(records("?from=2000-01-01&to=2000-01-02")).isEmpty();

        JsonNode report = RunningApi.json(api.get("/v1/audit/verify"));
        assertThat(report.path("intact").asBoolean()).as(report.toString()).isTrue();
        assertThat(report.path("recordsChecked").asLong()).isPositive();
        assertThat(report.path("chains").asInt()).isEqualTo(1);
    }

    @Test
    void readingTheAuditLogIsAuditedAndAdminOnly() {
        records("?limit=5");
        assertThat(api.audit.last().action()).isEqualTo("GET /v1/audit");
        assertThat(api.audit.last().subject()).isEqualTo(TestUsers.ADMIN);
        assertThat(api.get("/v1/audit/verify").statusCode()).isEqualTo(200);
        assertThat(api.audit.last().action()).isEqualTo("GET /v1/audit/verify");

        assertProblem(api.as(TestUsers.VP).get("/v1/audit"), 403);
        assertProblem(api.as(TestUsers.VP).get("/v1/audit/verify"), 403);
        assertThat(api.audit.last().allowed()).isFalse();
    }

    @Test
    void validatesEveryFilter() {
        for (String query :
                new String[] {
                    "?limit=0",
                    "?limit=1001",
                    "?limit=ten",
                    "?result=maybe",
                    "?subject=two%20words",
                    "?tenant=not%20valid!",
                    "?from=yesterday",
                    "?from=2026-11-02&to=2026-11-01"
                }) {
            assertProblem(api.get("/v1/audit" + query), 400);
        }
    }
}
