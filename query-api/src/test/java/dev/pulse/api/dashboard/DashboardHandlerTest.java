package dev.pulse.api.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pulse.api.http.SecurityHeaders;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The handler on a bare router over an in-memory bundle: what it answers and what it leaves. */
class DashboardHandlerTest {
    private static final String PAGE = "<!doctype html><title>Pulse</title>";
    private static Vertx vertx;
    private static HttpServer server;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        vertx = Vertx.vertx();
        Router router = Router.router(vertx);
        router.post("/v1/things").handler(ctx -> ctx.response().end("a thing"));
        // Stands for the API's own 404 handling: whatever the dashboard passes on ends here.
        DashboardRoutes.mount(
                router,
                DashboardBundle.of(PAGE, Map.of("index-abc123.js", "console.log(1)")),
                ctx -> ctx.response().setStatusCode(418).end("passed on"));
        server =
                vertx.createHttpServer()
                        .requestHandler(router)
                        .listen(0, "127.0.0.1")
                        .toCompletionStage()
                        .toCompletableFuture()
                        .get(10, TimeUnit.SECONDS);
    }

    @AfterAll
    static void stop() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    private static HttpResponse<String> get(String path, String... headers) throws Exception {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + server.actualPort() + path));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void servesThePageForTheRootAndEveryClientRoute() throws Exception {
        for (String path :
                new String[] {
                    "/", "/portfolio", "/accounts/acme.io", "/team", "/alerts", "/admin/audit"
                }) {
            HttpResponse<String> response = get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(200);
            assertThat(response.body()).as(path).isEqualTo(PAGE);
            assertThat(response.headers().firstValue("Content-Type"))
                    .hasValue("text/html; charset=utf-8");
            assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-cache");
            assertThat(response.headers().firstValue("ETag")).isPresent();
        }
    }

    @Test
    void answersNotModifiedForTheCurrentEtag() throws Exception {
        String etag = get("/").headers().firstValue("ETag").orElseThrow();
        HttpResponse<String> response = get("/accounts/acme", "If-None-Match", etag);
        assertThat(response.statusCode()).isEqualTo(304);
        assertThat(response.body()).isEmpty();
        assertThat(get("/", "If-None-Match", "\"stale\"").statusCode()).isEqualTo(200);
    }

    @Test
    void carriesTheSecurityHeadersAndNoCorsHeaders() throws Exception {
        for (String path : new String[] {"/", "/assets/index-abc123.js", "/assets/nope.js"}) {
            HttpResponse<String> response = get(path, "Origin", "https://evil.example");
            assertThat(response.headers().firstValue("Content-Security-Policy"))
                    .as(path)
                    .hasValue(SecurityHeaders.CONTENT_SECURITY_POLICY);
            assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
            assertThat(response.headers().firstValue("X-Frame-Options")).hasValue("DENY");
            assertThat(response.headers().firstValue("Referrer-Policy")).hasValue("same-origin");
            assertThat(response.headers().map().keySet())
                    .noneMatch(name -> name.toLowerCase().startsWith("access-control-"));
        }
        assertThat(SecurityHeaders.CONTENT_SECURITY_POLICY)
                .contains("script-src 'self';", "style-src 'self';", "frame-ancestors 'none'")
                .doesNotContain("unsafe-inline", "unsafe-eval");
    }

    @Test
    void servesHashedAssetsImmutableAndUnknownOnesAsNotFound() throws Exception {
        HttpResponse<String> asset = get("/assets/index-abc123.js");
        assertThat(asset.statusCode()).isEqualTo(200);
        assertThat(asset.body()).isEqualTo("console.log(1)");
        assertThat(asset.headers().firstValue("Content-Type"))
                .hasValue("text/javascript; charset=utf-8");
        assertThat(asset.headers().firstValue("Cache-Control"))
                .hasValue("public, max-age=31536000, immutable");

        for (String path :
                new String[] {
                    "/assets/index-missing.js", "/assets/", "/assets/sub/x.js", "/assets/..%2fx"
                }) {
            HttpResponse<String> missing = get(path);
            assertThat(missing.statusCode()).as(path).isEqualTo(404);
            assertThat(missing.body()).as(path).doesNotContain("<title>");
        }
    }

    @Test
    void passesServerPathsOn() throws Exception {
        for (String path :
                new String[] {
                    "/v1",
                    "/v1/portfolio",
                    "/v1/unknown.json",
                    "/v2/anything",
                    "/auth/login",
                    "/auth",
                    "/demo-idp/authorize",
                    "/internal/scores/acme",
                    "/health/live",
                    "/metrics",
                    "/openapi.yaml"
                }) {
            assertThat(get(path).statusCode()).as(path).isEqualTo(418);
        }
    }

    @Test
    void leavesOtherMethodsAndRoutesAlone() throws Exception {
        HttpRequest.Builder post =
                HttpRequest.newBuilder(
                                URI.create("http://127.0.0.1:" + server.actualPort() + "/team"))
                        .POST(HttpRequest.BodyPublishers.noBody());
        assertThat(HTTP.send(post.build(), HttpResponse.BodyHandlers.ofString()).statusCode())
                .isEqualTo(418);
        // A route's wrong method stays Vert.x's 405; the dashboard does not take it.
        assertThat(get("/v1/things").statusCode()).isEqualTo(405);
    }

    @Test
    void listsEveryAssetOfTheBuildManifest() {
        String manifest =
                "{\"index.html\":{\"file\":\"assets/index-a1.js\",\"css\":[\"assets/index-b2.css\"],"
                    + "\"dynamicImports\":[\"src/pages/AccountPage.tsx\"]},"
                    + "\"src/pages/AccountPage.tsx\":{\"file\":\"assets/AccountPage-c3.js\","
                    + "\"css\":[\"assets/AccountPage-d4.css\"],\"assets\":[\"assets/font-e5.woff2\"]}}";
        assertThat(DashboardBundle.assetFiles(manifest.getBytes(StandardCharsets.UTF_8)))
                .containsExactly(
                        "assets/AccountPage-c3.js",
                        "assets/AccountPage-d4.css",
                        "assets/font-e5.woff2",
                        "assets/index-a1.js",
                        "assets/index-b2.css");
    }

    @Test
    void tellsAppPathsFromServerPaths() {
        assertThat(DashboardPaths.isAppPath("/")).isTrue();
        assertThat(DashboardPaths.isAppPath("/accounts/acme.io")).isTrue();
        assertThat(DashboardPaths.isAppPath("/vendors")).isTrue();
        assertThat(DashboardPaths.isAppPath("/v1x")).isTrue();
        assertThat(DashboardPaths.isAppPath("/metricsboard")).isTrue();
        assertThat(DashboardPaths.isAppPath("/v12/x")).isFalse();
        assertThat(DashboardPaths.isAppPath("/metrics")).isFalse();
        assertThat(DashboardPaths.isAppPath("/assets/x.js")).isFalse();
        assertThat(DashboardPaths.assetName("/assets/index-Ab_1.css")).isEqualTo("index-Ab_1.css");
        assertThat(DashboardPaths.assetName("/assets/../x")).isNull();
        assertThat(DashboardHandler.typeOf("uPlot-x.css")).isEqualTo("text/css; charset=utf-8");
        assertThat(DashboardHandler.typeOf("blob")).isEqualTo("application/octet-stream");
    }
}
