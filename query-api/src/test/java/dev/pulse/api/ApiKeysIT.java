package dev.pulse.api;

import static dev.pulse.api.testing.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pulse.access.apikeys.KafkaApiKeyStore;
import dev.pulse.access.testing.Scores;
import dev.pulse.api.testing.RunningApi;
import dev.pulse.api.testing.TestUsers;
import dev.pulse.streams.broker.SharedKafkaBroker;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * API keys end to end, over the real Kafka-backed store: an admin creates one (shown once), lists
 * keys (never a secret or hash), the key works with its own role and scope, and once revoked it is
 * refused.
 */
@ExtendWith(SharedKafkaBroker.class)
class ApiKeysIT {
    private static KafkaApiKeyStore store;
    private static RunningApi api;

    @BeforeAll
    static void start() {
        String topic = "pulse.api-keys.test-" + UUID.randomUUID();
        KafkaApiKeyStore.ensureTopic(SharedKafkaBroker.connection(), topic);
        store = new KafkaApiKeyStore(SharedKafkaBroker.connection(), topic);
        store.awaitLoaded(Duration.ofSeconds(30));
        api = RunningApi.builder().apiKeys(store).start();
    }

    @AfterAll
    static void stop() {
        api.close();
        store.close();
    }

    @BeforeEach
    void seed() {
        api.reset();
        api.reader
                .put(Scores.account("acme", "Acme", TestUsers.SARAH))
                .put(Scores.account("wayne", "Wayne", TestUsers.MARC));
    }

    private static JsonNode create(String body) {
        HttpResponse<String> response = api.post("/v1/admin/api-keys", "application/json", body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
        return RunningApi.json(response);
    }

    @Test
    void createdKeyIsShownOnceAndWorksWithItsOwnScope() {
        JsonNode created =
                create(
                        "{\"name\":\"Looker\",\"role\":\"analyst\",\"scope\":\"own\","
                                + "\"actsAs\":\"sarah@example.com\"}");
        String id = created.path("id").asText();
        String key = created.path("key").asText();
        assertThat(key).startsWith("pk_" + id + "_");
        assertThat(created.path("name").asText()).isEqualTo("Looker");
        assertThat(created.path("role").asText()).isEqualTo("analyst");
        assertThat(created.path("scope").asText()).isEqualTo("own");
        assertThat(created.path("actsAs").asText()).isEqualTo(TestUsers.SARAH);
        assertThat(created.path("createdAt").asText()).isNotBlank();
        assertThat(created.path("warning").asText())
                .isEqualTo("store this key now; it is not shown again");
        assertThat(api.audit.last().detail())
                .isEqualTo("created API key " + id + " (analyst, own)");
        String secret = key.substring(("pk_" + id + "_").length());

        HttpResponse<String> list = api.get("/v1/admin/api-keys");
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body())
                .contains(id)
                .doesNotContain(secret)
                .doesNotContain("secretHash")
                .doesNotContain("\"key\"");
        JsonNode listed = RunningApi.json(list).path("keys");
        JsonNode mine = null;
        for (JsonNode k : listed) {
            if (k.path("id").asText().equals(id)) {
                mine = k;
            }
        }
        assertThat(mine).isNotNull();
        assertThat(mine.path("createdBy").asText()).isEqualTo(TestUsers.ADMIN);
        assertThat(mine.path("revoked").asBoolean()).isFalse();

        assertThat(api.withKey(key).get("/v1/accounts/acme").statusCode()).isEqualTo(200);
        HttpResponse<String> asHeader =
                api.sendRaw(
                        HttpRequest.newBuilder(api.uri("/v1/accounts/acme"))
                                .header("Authorization", "ApiKey " + key));
        assertThat(asHeader.statusCode()).isEqualTo(200);
        assertProblem(api.withKey(key).get("/v1/accounts/wayne"), 403);
        assertThat(api.audit.last().subject()).isEqualTo("api-key:" + id);
        assertThat(api.audit.entries())
                .allSatisfy(entry -> assertThat(String.valueOf(entry)).doesNotContain(secret));
    }

    @Test
    void revokedKeyIsRefused() {
        JsonNode created = create("{\"name\":\"script\",\"role\":\"admin\",\"scope\":\"all\"}");
        String id = created.path("id").asText();
        String key = created.path("key").asText();
        assertThat(api.withKey(key).get("/v1/me").statusCode()).isEqualTo(200);

        HttpResponse<String> revoked = api.send("DELETE", "/v1/admin/api-keys/" + id);
        assertThat(revoked.statusCode()).isEqualTo(204);
        assertThat(api.audit.last().detail()).isEqualTo("revoked API key " + id);

        JsonNode problem = assertProblem(api.withKey(key).get("/v1/me"), 401);
        assertThat(problem.path("detail").asText())
                .isEqualTo("API key is not valid or was revoked");
        assertThat(api.audit.last().allowed()).isFalse();
        JsonNode listed = RunningApi.json(api.get("/v1/admin/api-keys")).path("keys");
        assertThat(listed.findValues("id").stream().map(JsonNode::asText)).contains(id);
        for (JsonNode k : listed) {
            if (k.path("id").asText().equals(id)) {
                assertThat(k.path("revoked").asBoolean()).isTrue();
                assertThat(k.path("revokedAt").asText()).isNotBlank();
            }
        }
    }

    @Test
    void keysCanIngestWhenTheirRoleMay() {
        String key = create("{\"name\":\"etl\",\"role\":\"ingest\"}").path("key").asText();
        String event =
                "{\"eventId\":\"e1\",\"tenantId\":\"acme\",\"userId\":\"u1\",\"type\":\"login\","
                        + "\"timestamp\":\""
                        + java.time.Instant.now().minusSeconds(60)
                        + "\"}";
        assertThat(api.withKey(key).post("/v1/events", "application/json", event).statusCode())
                .isEqualTo(200);
        assertProblem(api.withKey(key).get("/v1/summary"), 403);
    }

    @Test
    void explainsBadRequestsAndUnknownKeys() {
        assertThat(
                        assertProblem(
                                        api.post(
                                                "/v1/admin/api-keys",
                                                "application/json",
                                                "{\"name\":\"x\",\"role\":\"viewer\"}"),
                                        400)
                                .path("detail")
                                .asText())
                .contains("actsAs");
        assertProblem(api.post("/v1/admin/api-keys", "application/json", "not json"), 400);
        assertProblem(api.post("/v1/admin/api-keys", "text/csv", "a,b"), 415);
        assertProblem(api.send("DELETE", "/v1/admin/api-keys/000000000000"), 404);
        assertProblem(api.send("DELETE", "/v1/admin/api-keys/bad%20id"), 400);
    }
}
