package dev.pulse.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.pulse.api.testing.RunningApi;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.LinkedHashMap;
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
        routes.put(ApiRouter.LIVE, "get");
        routes.put(ApiRouter.READY, "get");
        routes.put(ApiRouter.METRICS, "get");
        routes.put(ApiRouter.OPENAPI, "get");
        routes.forEach(
                (route, method) -> {
                    String path = route.replaceAll(":(\\w+)", "{$1}");
                    assertThat(paths.path(path).has(method)).as(method + " " + path).isTrue();
                });
        assertThat(paths.path("/v1/accounts/{tenant}").has("get")).isTrue();
        assertThat(paths.size()).isEqualTo(10);
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
                .forEach(
                        path ->
                                path.forEach(
                                        operation -> {
                                            assertThat(operation.path("responses").has("200"))
                                                    .isTrue();
                                        }));
        document.path("paths")
                .properties()
                .forEach(
                        path -> {
                            if (path.getKey().startsWith("/v1/")) {
                                path.getValue()
                                        .forEach(
                                                operation ->
                                                        assertThat(
                                                                        operation
                                                                                .path("responses")
                                                                                .fieldNames())
                                                                .toIterable()
                                                                .as(path.getKey())
                                                                .contains("400", "500", "503"));
                            }
                        });
        assertThat(document.path("components").path("schemas").path("Problem").path("required"))
                .extracting(JsonNode::asText)
                .containsExactly("type", "title", "status", "detail");
    }
}
