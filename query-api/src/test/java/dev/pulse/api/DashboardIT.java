package dev.pulse.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pulse.api.dashboard.DashboardBundle;
import dev.pulse.api.http.SecurityHeaders;
import dev.pulse.api.testing.RunningApi;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The real server serves the built web app from the pulse-dashboard jar beside its API. */
class DashboardIT {
    private static final Pattern SCRIPT = Pattern.compile("src=\"(/assets/[^\"]+\\.js)\"");
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
    void servesTheAppAtTheRootAndAtDeepLinks() {
        for (String path : new String[] {"/", "/accounts/acme.io", "/team?from=2026-11-01"}) {
            HttpResponse<String> page = api.anonymous().get(path);
            assertThat(page.statusCode()).as(path).isEqualTo(200);
            assertThat(page.body()).as(path).contains("<div id=\"root\"></div>");
            assertThat(page.headers().firstValue("Cache-Control")).hasValue("no-cache");
            assertThat(page.headers().firstValue("ETag")).isPresent();
            assertThat(page.headers().firstValue("Content-Security-Policy"))
                    .hasValue(SecurityHeaders.CONTENT_SECURITY_POLICY);
            assertThat(page.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        }
    }

    @Test
    void loadsEveryAssetOfTheBuiltBundleAtStart() {
        assertThat(DashboardBundle.fromClasspath().assetCount()).isGreaterThan(2);
        assertThat(api.anonymous().get("/.vite/manifest.json").body())
                .as("the build manifest is not served")
                .contains("<div id=\"root\"></div>");
    }

    @Test
    void theBuiltPageHasNoInlineScriptOrStyle() {
        String page = api.anonymous().get("/").body();
        assertThat(page).doesNotContainPattern("<script(?![^>]*\\bsrc=)[^>]*>");
        assertThat(page).doesNotContain("<style", "style=");
    }

    @Test
    void servesTheBundlesAssetsForAYear() {
        Matcher script = SCRIPT.matcher(api.anonymous().get("/").body());
        assertThat(script.find()).isTrue();
        HttpResponse<String> asset = api.anonymous().get(script.group(1));
        assertThat(asset.statusCode()).isEqualTo(200);
        assertThat(asset.headers().firstValue("Content-Type"))
                .hasValue("text/javascript; charset=utf-8");
        assertThat(asset.headers().firstValue("Cache-Control"))
                .hasValue("public, max-age=31536000, immutable");
        assertThat(asset.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(api.anonymous().get("/assets/index-00000000.js").statusCode()).isEqualTo(404);
    }

    @Test
    void leavesTheApiAndOperatorsPathsToTheApi() {
        HttpResponse<String> unauthenticated = api.anonymous().get("/v1/portfolio");
        assertThat(unauthenticated.statusCode()).isEqualTo(401);
        assertThat(unauthenticated.body()).doesNotContain("<div id=\"root\">");

        HttpResponse<String> unknown = api.anonymous().get("/v2/portfolio");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).contains("problem+json"));

        assertThat(api.anonymous().send("POST", "/accounts/acme").statusCode()).isEqualTo(404);
        assertThat(api.send("POST", "/v1/portfolio").statusCode()).isEqualTo(405);
        assertThat(api.anonymous().get("/health/live").body()).contains("UP");
        assertThat(api.anonymous().get("/openapi.yaml").body()).startsWith("openapi:");
        assertThat(api.anonymous().get("/auth/login").statusCode()).isEqualTo(404);
        assertThat(api.anonymous().get("/metrics").body()).doesNotContain("<div id=\"root\">");
    }

    @Test
    void sendsNoCorsHeaders() {
        HttpResponse<String> page =
                api.anonymous()
                        .send(
                                java.net.http.HttpRequest.newBuilder(api.uri("/"))
                                        .header("Origin", "https://elsewhere.example"));
        assertThat(page.headers().map().keySet())
                .noneMatch(name -> name.toLowerCase().startsWith("access-control-"));
    }
}
