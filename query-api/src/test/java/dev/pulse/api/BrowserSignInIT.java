package dev.pulse.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pulse.api.auth.BrowserSessions;
import dev.pulse.api.signin.OidcClient;
import dev.pulse.api.signin.OidcSettings;
import dev.pulse.api.testing.Browser;
import dev.pulse.api.testing.RunningApi;
import dev.pulse.api.testing.TestUsers;
import dev.pulse.streams.testing.MutableClock;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Browser sign-in end to end against a real OpenID provider (mock-oauth2-server): a browser that
 * keeps cookies follows the redirects from {@code /auth/login} through the provider back to {@code
 * /auth/callback}, then calls the API with nothing but its cookies.
 */
class BrowserSignInIT {
    private static final String CLIENT_ID = "pulse-web";
    private static final Duration IDLE = Duration.ofMinutes(30);

    private static MockOAuth2Server provider;
    private static RunningApi api;
    private static MutableClock sessionClock;
    private static String base;

    private Browser browser;

    @BeforeAll
    static void start() {
        provider = new MockOAuth2Server();
        provider.start();
        int port = RunningApi.freePort();
        base = "http://localhost:" + port;
        sessionClock = new MutableClock(Instant.now());
        OidcSettings settings =
                new OidcSettings(
                        URI.create(provider.issuerUrl("default").toString()),
                        CLIENT_ID,
                        "secret-of-the-test-client",
                        URI.create(base + "/auth/callback"),
                        null);
        api =
                RunningApi.builder()
                        .port(port)
                        .signIn(
                                new OidcClient(settings),
                                new BrowserSessions(IDLE, Duration.ofHours(8), 1_000, sessionClock))
                        .start();
    }

    @AfterAll
    static void stop() {
        api.close();
        provider.shutdown();
    }

    @BeforeEach
    void newBrowser() {
        browser = new Browser();
        api.reset();
    }

    @Test
    void signsInThroughTheProviderAndCallsTheApiWithTheSessionCookie() {
        HttpResponse<String> back = signIn(TestUsers.SARAH, "/accounts/acme");

        assertThat(back.statusCode()).isEqualTo(302);
        assertThat(back.headers().firstValue("Location")).hasValue("/accounts/acme");
        Browser.StoredCookie session = browser.cookie("pulse_session").orElseThrow();
        assertThat(session.has("Secure")).isTrue();
        assertThat(session.has("HttpOnly")).isTrue();
        assertThat(session.has("SameSite=Lax")).isTrue();
        assertThat(session.path()).isEqualTo("/");
        Browser.StoredCookie xsrf = browser.cookie("XSRF-TOKEN").orElseThrow();
        assertThat(xsrf.has("Secure")).isTrue();
        assertThat(xsrf.has("HttpOnly")).isFalse();
        assertThat(xsrf.has("SameSite=Strict")).isTrue();

        HttpResponse<String> me = browser.get(URI.create(base + "/v1/me"));
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(RunningApi.json(me).path("email").asText()).isEqualTo(TestUsers.SARAH);
        assertThat(RunningApi.json(me).path("method").asText()).isEqualTo("session");
        assertThat(RunningApi.json(me).path("name").asText()).isEqualTo(TestUsers.SARAH);
        assertThat(api.audit.entries())
                .anySatisfy(
                        entry -> {
                            assertThat(entry.action()).isEqualTo("GET /auth/callback");
                            assertThat(entry.subject()).isEqualTo(TestUsers.SARAH);
                            assertThat(entry.detail()).contains("signed in");
                        });
    }

    @Test
    void signingInAgainEndsTheSessionBefore() {
        signIn(TestUsers.SARAH, "/");
        String first = browser.cookie("pulse_session").orElseThrow().value();

        signIn(TestUsers.SARAH, "/");

        assertThat(browser.cookie("pulse_session").orElseThrow().value()).isNotEqualTo(first);
        Browser old = new Browser();
        old.put("pulse_session", first, "/");
        assertThat(old.get(URI.create(base + "/v1/me")).statusCode()).isEqualTo(401);
    }

    @Test
    void aCustomerAdminSeesTheirTenantInMe() {
        signIn(TestUsers.ACME_ADMIN, "/");

        HttpResponse<String> me = browser.get(URI.create(base + "/v1/me"));
        assertThat(RunningApi.json(me).path("tenant").asText()).isEqualTo("acme");
    }

    @Test
    void writesNeedTheCsrfHeader() {
        signIn(TestUsers.ADMIN, "/");
        String event =
                "{\"eventId\":\"e1\",\"tenantId\":\"acme\",\"userId\":\"u1\",\"type\":\"login\","
                        + "\"timestamp\":\""
                        + Instant.now()
                        + "\"}";

        HttpResponse<String> without = browser.send(post("/v1/events", event));
        assertThat(without.statusCode()).isEqualTo(403);
        assertThat(without.headers().firstValue("Content-Type"))
                .hasValueSatisfying(
                        type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(without.body()).contains("X-XSRF-TOKEN");

        HttpResponse<String> wrong =
                browser.send(post("/v1/events", event).header("X-XSRF-TOKEN", "guess"));
        assertThat(wrong.statusCode()).isEqualTo(403);

        String token = browser.cookie("XSRF-TOKEN").orElseThrow().value();
        HttpResponse<String> with =
                browser.send(post("/v1/events", event).header("X-XSRF-TOKEN", token));
        assertThat(with.statusCode()).isEqualTo(200);
        assertThat(api.publisher.events()).hasSize(1);
    }

    @Test
    void aCallbackWithAnUnknownStateIsABadRequestPage() {
        browser.put("pulse_login", "forged", "/auth/");

        HttpResponse<String> page =
                browser.get(URI.create(base + "/auth/callback?code=abc&state=forged"));

        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(page.body()).contains("expired or was not started from this browser");
        assertThat(browser.cookie("pulse_session")).isEmpty();
    }

    @Test
    void severalTabsSigningInAtOnceAllSucceed() {
        URI first = startSignIn(TestUsers.SARAH);
        URI second = startSignIn(TestUsers.SARAH);

        assertThat(browser.get(first).statusCode()).isEqualTo(302);
        assertThat(browser.get(second).statusCode()).isEqualTo(302);
        assertThat(browser.get(URI.create(base + "/v1/me")).statusCode()).isEqualTo(200);
    }

    @Test
    void aCallbackCannotBeUsedTwice() {
        URI callback = startSignIn(TestUsers.SARAH);
        assertThat(browser.get(callback).statusCode()).isEqualTo(302);

        assertThat(browser.get(callback).statusCode()).isEqualTo(400);
    }

    @Test
    void aCallbackInAnotherBrowserIsRefused() {
        HttpResponse<String> atCallback =
                browser.follow(
                        URI.create(base + "/auth/login"),
                        uri -> uri.getPath().equals("/auth/callback"));
        URI callback = Browser.location(atCallback).orElseThrow();

        HttpResponse<String> elsewhere = new Browser().get(callback);

        assertThat(elsewhere.statusCode()).isEqualTo(400);
    }

    @Test
    void anEmailThatIsNoPulseUserIsForbidden() {
        HttpResponse<String> page = signIn("stranger@example.org", "/");

        assertThat(page.statusCode()).isEqualTo(403);
        assertThat(page.body()).contains("stranger@example.org").contains("not a Pulse user");
        assertThat(browser.cookie("pulse_session")).isEmpty();
        assertThat(api.audit.entries())
                .anySatisfy(
                        entry -> {
                            assertThat(entry.subject()).isEqualTo("stranger@example.org");
                            assertThat(entry.allowed()).isFalse();
                        });
    }

    @Test
    void refusesToReturnToAnotherSite() {
        for (String target :
                List.of(
                        "//evil.example/x",
                        "/\\evil.example",
                        "https://evil.example/",
                        "javascript:alert(1)")) {
            HttpResponse<String> page =
                    browser.get(
                            URI.create(
                                    base
                                            + "/auth/login?returnTo="
                                            + URLEncoder.encode(target, StandardCharsets.UTF_8)));
            assertThat(page.statusCode()).as(target).isEqualTo(400);
            assertThat(Browser.location(page)).as(target).isEmpty();
        }
    }

    @Test
    void signingOutNeedsTheCsrfHeaderThenEndsTheSession() {
        signIn(TestUsers.SARAH, "/");
        String sessionId = browser.cookie("pulse_session").orElseThrow().value();

        HttpResponse<String> without = browser.send(post("/auth/logout", ""));
        assertThat(without.statusCode()).isEqualTo(403);

        String token = browser.cookie("XSRF-TOKEN").orElseThrow().value();
        HttpResponse<String> out =
                browser.send(post("/auth/logout", "").header("X-XSRF-TOKEN", token));
        assertThat(out.statusCode()).isEqualTo(200);
        String redirect = RunningApi.json(out).path("redirect").asText();
        assertThat(redirect)
                .startsWith(provider.endSessionEndpointUrl("default").toString())
                .contains("client_id=" + CLIENT_ID)
                .contains("post_logout_redirect_uri=")
                .doesNotContain("id_token_hint");
        assertThat(browser.cookie("pulse_session")).isEmpty();
        assertThat(browser.cookie("XSRF-TOKEN")).isEmpty();

        browser.put("pulse_session", sessionId, "/");
        assertThat(browser.get(URI.create(base + "/v1/me")).statusCode()).isEqualTo(401);
        assertThat(api.audit.entries())
                .anySatisfy(entry -> assertThat(entry.detail()).isEqualTo("signed out"));
    }

    @Test
    void aSessionEndsAfterTheIdleTimeout() {
        signIn(TestUsers.SARAH, "/");
        sessionClock.advance(IDLE.minusMinutes(1));
        assertThat(browser.get(URI.create(base + "/v1/me")).statusCode()).isEqualTo(200);
        sessionClock.advance(IDLE.minusMinutes(1));
        assertThat(browser.get(URI.create(base + "/v1/me")).statusCode()).isEqualTo(200);

        sessionClock.advance(IDLE.plusSeconds(1));

        HttpResponse<String> me = browser.get(URI.create(base + "/v1/me"));
        assertThat(me.statusCode()).isEqualTo(401);
        assertThat(me.body()).contains("sign in again");
    }

    @Test
    void aRefusalByTheProviderIsA401Page() {
        HttpResponse<String> atProvider =
                browser.follow(
                        URI.create(base + "/auth/login"),
                        uri -> !uri.getPath().startsWith("/auth/"));
        URI authorize = Browser.location(atProvider).orElseThrow();
        String state = query(authorize, "state");

        HttpResponse<String> page =
                browser.get(
                        URI.create(
                                base
                                        + "/auth/callback?error=access_denied&error_description=no&state="
                                        + URLEncoder.encode(state, StandardCharsets.UTF_8)));

        assertThat(page.statusCode()).isEqualTo(401);
        assertThat(page.body()).contains("did not sign you in").contains("access_denied");
    }

    @Test
    void anUnreachableProviderIsA502Page() {
        int closed = RunningApi.freePort();
        OidcSettings nowhere =
                new OidcSettings(
                        URI.create("http://localhost:" + closed + "/nobody"),
                        CLIENT_ID,
                        "secret",
                        URI.create("http://localhost:" + closed + "/auth/callback"),
                        null);
        try (RunningApi other =
                RunningApi.builder()
                        .signIn(
                                new OidcClient(nowhere),
                                new BrowserSessions(IDLE, IDLE, 10, sessionClock))
                        .start()) {
            HttpResponse<String> page = browser.get(other.uri("/auth/login"));

            assertThat(page.statusCode()).isEqualTo(502);
            assertThat(page.body()).contains("could not read the identity provider");
        }
    }

    @Test
    void bearerTokensStillWorkBesideSessions() {
        assertThat(api.as(TestUsers.SARAH).get("/v1/me").statusCode()).isEqualTo(200);
    }

    /** Signs in as {@code email}; returns the answer of the callback. */
    private HttpResponse<String> signIn(String email, String returnTo) {
        return browser.get(startSignIn(email, returnTo));
    }

    private URI startSignIn(String email) {
        return startSignIn(email, "/");
    }

    /** Goes from {@code /auth/login} through the provider; returns the callback URL, unvisited. */
    private URI startSignIn(String email, String returnTo) {
        provider.enqueueCallback(
                new DefaultOAuth2TokenCallback(
                        "default", email, "JWT", List.of(CLIENT_ID), Map.of("email", email), 3600));
        HttpResponse<String> atCallback =
                browser.follow(
                        URI.create(
                                base
                                        + "/auth/login?returnTo="
                                        + URLEncoder.encode(returnTo, StandardCharsets.UTF_8)),
                        uri -> uri.getPath().equals("/auth/callback"));
        assertThat(browser.cookie("pulse_login")).isPresent();
        return Browser.location(atCallback).orElseThrow();
    }

    private static String query(URI uri, String name) {
        for (String pair : uri.getRawQuery().split("&")) {
            if (pair.startsWith(name + "=")) {
                return java.net.URLDecoder.decode(
                        pair.substring(name.length() + 1), StandardCharsets.UTF_8);
            }
        }
        throw new AssertionError(uri + " has no " + name);
    }

    private HttpRequest.Builder post(String path, String json) {
        return HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
    }
}
