package dev.pulse.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.pulse.api.signin.SignInHandler;
import dev.pulse.api.testing.RunningApi;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code /openapi.yaml} is valid YAML and documents every public route. */
class OpenApiIT {
    private static RunningApi api;

    @BeforeAll
    static void start() {
        api = RunningApi.start(Clock.systemUTC());
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @Test
    void documentsEveryPublicRoute() throws Exception {
        HttpResponse<String> response = api.get("/openapi.yaml");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/yaml"));

        JsonNode document = new ObjectMapper(new YAMLFactory()).readTree(response.body());
        assertThat(document.path("openapi").asText()).isEqualTo("3.0.3");
        JsonNode paths = document.path("paths");
        Map<String, String> routes = new LinkedHashMap<>();
        routes.put(ApiRouter.EVENTS, "post");
        routes.put(ApiRouter.ACCOUNTS, "post");
        routes.put(ApiRouter.PORTFOLIO, "get");
        routes.put(ApiRouter.ACCOUNT, "get");
        routes.put(ApiRouter.TIMESERIES, "get");
        routes.put(ApiRouter.SUMMARY, "get");
        routes.put(ApiRouter.ME, "get");
        routes.put(ApiRouter.ALERTS, "get");
        routes.put(ApiRouter.ALERT_HISTORY, "get");
        routes.put(ApiRouter.ALERT_ACK, "post");
        routes.put(ApiRouter.ALERT_SNOOZE, "post");
        routes.put(ApiRouter.ALERT_RESOLVE, "post");
        routes.put(ApiRouter.ACCOUNT_FOLLOW_UPS, "get");
        routes.put(ApiRouter.ALERT_FOLLOW_UP, "post");
        routes.put(ApiRouter.FOLLOW_UPS, "get");
        routes.put(ApiRouter.FOLLOW_UP, "patch");
        routes.put(ApiRouter.NOTIFICATIONS, "get");
        routes.put(ApiRouter.NOTIFICATION_READ, "post");
        routes.put(ApiRouter.NOTIFICATIONS_READ_ALL, "post");
        routes.put(ApiRouter.NOTIFICATION_STREAM, "get");
        routes.put(ApiRouter.PREFERENCES, "put");
        routes.put(ApiRouter.AUDIT, "get");
        routes.put(ApiRouter.AUDIT_VERIFY, "get");
        routes.put(ApiRouter.API_KEYS, "get");
        routes.put(ApiRouter.API_KEY, "delete");
        routes.put(ApiRouter.DIRECTORY_REFRESH, "post");
        routes.put(ApiRouter.LIVE, "get");
        routes.put(ApiRouter.READY, "get");
        routes.put(ApiRouter.METRICS, "get");
        routes.put(ApiRouter.OPENAPI, "get");
        routes.put(SignInHandler.LOGIN, "get");
        routes.put(SignInHandler.CALLBACK, "get");
        routes.put(SignInHandler.LOGOUT, "post");
        routes.put(ApiRouter.REPORT_ACCOUNT, "get");
        routes.put(ApiRouter.REPORT_PORTFOLIO_PDF, "get");
        routes.put(ApiRouter.REPORT_PORTFOLIO_CSV, "get");
        routes.put(ApiRouter.REPORT_SCHEDULES, "post");
        routes.put(ApiRouter.REPORT_SCHEDULE, "delete");
        routes.forEach(
                (route, method) -> {
                    String path = route.replaceAll(":(\\w+)", "{$1}");
                    assertThat(paths.path(path).has(method)).as(method + " " + path).isTrue();
                });
        assertThat(paths.path("/v1/accounts/{tenant}").has("get")).isTrue();
        assertThat(paths.path(ApiRouter.REPORT_SCHEDULES).has("get")).isTrue();
        assertThat(paths.path("/v1/admin/api-keys").has("post")).isTrue();
        assertThat(paths.path("/v1/accounts/{tenant}/follow-ups").has("post")).isTrue();
        // The .csv forms of the lists are described under the reports tag, not as paths of their
        // own.
        assertThat(paths.size()).isEqualTo(38);
    }

    @Test
    void everyReferenceResolves() throws Exception {
        JsonNode document =
                new ObjectMapper(new YAMLFactory()).readTree(api.get("/openapi.yaml").body());
        document.findValues("$ref")
                .forEach(
                        ref -> {
                            String[] parts = ref.asText().substring(2).split("/");
                            JsonNode target = document;
                            for (String part : parts) {
                                target = target.path(part);
                            }
                            assertThat(target.isMissingNode()).as(ref.asText()).isFalse();
                        });
    }

    @Test
    void everyOperationDocumentsItsErrorsAsProblems() throws Exception {
        JsonNode document =
                new ObjectMapper(new YAMLFactory()).readTree(api.get("/openapi.yaml").body());
        document.path("paths")
                .properties()
                .forEach(
                        path ->
                                path.getValue()
                                        .properties()
                                        .forEach(
                                                operation -> {
                                                    String name =
                                                            operation.getKey()
                                                                    + " "
                                                                    + path.getKey();
                                                    List<String> codes = new ArrayList<>();
                                                    operation
                                                            .getValue()
                                                            .path("responses")
                                                            .fieldNames()
                                                            .forEachRemaining(codes::add);
                                                    assertThat(codes)
                                                            .as(name)
                                                            // sign-in answers with redirects
                                                            .anyMatch(
                                                                    c ->
                                                                            c.startsWith("2")
                                                                                    || c.startsWith(
                                                                                            "3"));
                                                    if (path.getKey().startsWith("/v1/")) {
                                                        assertThat(codes)
                                                                .as(name)
                                                                .contains(
                                                                        "401", "403", "429", "500",
                                                                        "503");
                                                        JsonNode op = operation.getValue();
                                                        if (op.has("parameters")
                                                                || op.has("requestBody")) {
                                                            assertThat(codes)
                                                                    .as(name)
                                                                    .contains("400");
                                                        }
                                                    }
                                                }));
        assertThat(document.path("components").path("schemas").path("Problem").path("required"))
                .extracting(JsonNode::asText)
                .containsExactly("type", "title", "status", "detail");
    }

    @Test
    void documentsWhoMayCallWhat() throws Exception {
        JsonNode document =
                new ObjectMapper(new YAMLFactory()).readTree(api.get("/openapi.yaml").body());
        JsonNode schemes = document.path("components").path("securitySchemes");
        assertThat(schemes.path("bearerJwt").path("scheme").asText()).isEqualTo("bearer");
        assertThat(schemes.path("bearerJwt").path("bearerFormat").asText()).isEqualTo("JWT");
        assertThat(schemes.path("apiKeyHeader").path("name").asText()).isEqualTo("X-API-Key");
        assertThat(schemes.path("sessionCookie").path("in").asText()).isEqualTo("cookie");
        assertThat(schemes.path("sessionCookie").path("name").asText()).isEqualTo("pulse_session");
        assertThat(document.path("security")).hasSize(4);
        Map<String, String> publicRoutes = new LinkedHashMap<>();
        for (String route :
                List.of(ApiRouter.LIVE, ApiRouter.READY, ApiRouter.METRICS, ApiRouter.OPENAPI)) {
            publicRoutes.put(route, "get");
        }
        publicRoutes.put(SignInHandler.LOGIN, "get");
        publicRoutes.put(SignInHandler.CALLBACK, "get");
        publicRoutes.put(SignInHandler.LOGOUT, "post");
        for (Map.Entry<String, String> entry : publicRoutes.entrySet()) {
            String route = entry.getKey();
            JsonNode security =
                    document.path("paths").path(route).path(entry.getValue()).path("security");
            assertThat(security.isArray() && security.isEmpty()).as(route + " is public").isTrue();
        }
        assertThat(
                        document.path("paths")
                                .path("/v1/summary")
                                .path("get")
                                .path("description")
                                .asText())
                .contains("filters to your scope");
        assertThat(
                        document.path("components")
                                .path("responses")
                                .path("Unauthorized")
                                .path("headers")
                                .has("WWW-Authenticate"))
                .isTrue();
        assertThat(
                        document.path("components")
                                .path("responses")
                                .path("TooManyRequests")
                                .path("headers")
                                .has("Retry-After"))
                .isTrue();
    }
}
