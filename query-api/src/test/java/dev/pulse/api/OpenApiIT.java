package dev.pulse.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.pulse.api.auth.BrowserSessions;
import dev.pulse.api.reports.ReportSettings;
import dev.pulse.api.signin.OidcClient;
import dev.pulse.api.signin.OidcSettings;
import dev.pulse.api.signin.SignInHandler;
import dev.pulse.api.testing.InMemoryScheduleStore;
import dev.pulse.api.testing.RunningApi;
import dev.pulse.streams.read.InternalReadProtocol;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code /openapi.yaml} is served, and documents exactly the routes the router serves. */
class OpenApiIT {
    /** The operation keys of an OpenAPI path item. */
    private static final Set<String> HTTP_METHODS =
            Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

    private static final AtomicReference<Router> router = new AtomicReference<>();
    private static RunningApi api;

    /**
     * Every optional part mounted (sign-in, report schedules), so every route the document
     * describes exists. The provider is never called: discovery happens on the first sign-in.
     */
    @BeforeAll
    static void start() {
        int port = RunningApi.freePort();
        OidcSettings oidc =
                new OidcSettings(
                        URI.create("http://127.0.0.1:9/unused-provider"),
                        "pulse-web",
                        "secret",
                        URI.create("http://127.0.0.1:" + port + SignInHandler.CALLBACK),
                        null);
        api =
                RunningApi.builder()
                        .port(port)
                        .signIn(
                                new OidcClient(oidc),
                                new BrowserSessions(
                                        Duration.ofMinutes(30),
                                        Duration.ofHours(8),
                                        100,
                                        Clock.systemUTC()))
                        .reports(ReportSettings.DEFAULT.withSchedules(new InMemoryScheduleStore()))
                        .extraRoutes(router::set)
                        .start();
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @Test
    void isServedAsYaml() throws Exception {
        HttpResponse<String> response = api.get("/openapi.yaml");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/yaml"));
        JsonNode document = new ObjectMapper(new YAMLFactory()).readTree(response.body());
        assertThat(document.path("openapi").asText()).isEqualTo("3.0.3");
    }

    /**
     * Both ways: every route the router serves is documented with its method, and every documented
     * operation is served. The {@code .csv} twin of a list is documented as {@code text/csv} on the
     * list's own operation; {@code /internal/} is the instances' own protocol, not the public API.
     */
    @Test
    void documentsExactlyTheRoutesTheRouterServes() throws Exception {
        JsonNode document =
                new ObjectMapper(new YAMLFactory()).readTree(api.get("/openapi.yaml").body());
        Set<String> documented = documentedOperations(document);
        Set<String> served = new TreeSet<>();
        List<String> mismatches = new ArrayList<>();
        for (Route route : router.get().getRoutes()) {
            String path = route.getPath();
            if (path == null || path.startsWith(InternalReadProtocol.PREFIX + "/")) {
                continue;
            }
            String template = path.replaceAll(":(\\w+)", "{$1}");
            if (route.methods() == null || route.methods().isEmpty()) {
                mismatches.add("served for every method, which no document can say: " + template);
                continue;
            }
            for (HttpMethod method : route.methods()) {
                served.add(method.name() + " " + template);
            }
        }
        for (String operation : List.copyOf(served)) {
            String base = operation.substring(0, operation.length() - ".csv".length());
            if (operation.startsWith("GET ")
                    && operation.endsWith(".csv")
                    && served.contains(base)) {
                served.remove(operation);
                if (!offersCsv(document, base.substring("GET ".length()))) {
                    mismatches.add(
                            "served as CSV but its 200 answer does not list text/csv: " + base);
                }
            }
        }
        served.stream()
                .filter(operation -> !documented.contains(operation))
                .forEach(operation -> mismatches.add("served but not documented: " + operation));
        documented.stream()
                .filter(operation -> !served.contains(operation))
                .forEach(operation -> mismatches.add("documented but not served: " + operation));

        assertThat(mismatches).as("router against openapi.yaml").isEmpty();
        assertThat(served).contains("GET /v1/accounts/{tenant}", "POST /auth/logout");
    }

    private static Set<String> documentedOperations(JsonNode document) {
        Set<String> operations = new TreeSet<>();
        document.path("paths")
                .properties()
                .forEach(
                        path ->
                                path.getValue()
                                        .fieldNames()
                                        .forEachRemaining(
                                                key -> {
                                                    if (HTTP_METHODS.contains(key)) {
                                                        operations.add(
                                                                key.toUpperCase(Locale.ROOT)
                                                                        + " "
                                                                        + path.getKey());
                                                    }
                                                }));
        return operations;
    }

    private static boolean offersCsv(JsonNode document, String path) {
        return document.path("paths")
                .path(path)
                .path("get")
                .path("responses")
                .path("200")
                .path("content")
                .has("text/csv");
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
