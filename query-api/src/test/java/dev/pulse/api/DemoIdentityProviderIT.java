package dev.pulse.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pulse.access.security.UserDirectory;
import dev.pulse.api.auth.BrowserSessions;
import dev.pulse.api.demoidp.DemoIdpRoutes;
import dev.pulse.api.demoidp.DemoOidcProvider;
import dev.pulse.api.demoidp.DemoSigningKey;
import dev.pulse.api.signin.OidcClient;
import dev.pulse.api.signin.OidcSettings;
import dev.pulse.api.testing.Browser;
import dev.pulse.api.testing.RunningApi;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The demo's identity provider, mounted on the API as the demo mounts it, with the demo's own user
 * directory: its page lists the demo people by name, and choosing one signs the browser in.
 */
class DemoIdentityProviderIT {
    private static final Pattern SARAH_LINK =
            Pattern.compile("href=\"([^\"]+)\" aria-label=\"Sign in as Sarah Chen, viewer\"");

    private static RunningApi api;
    private static String base;

    @BeforeAll
    static void start() throws Exception {
        UserDirectory users =
                UserDirectory.fromYaml(Files.readString(Path.of("../config/users.yaml")));
        int port = RunningApi.freePort();
        base = "http://localhost:" + port;
        URI callback = URI.create(base + "/auth/callback");
        String secret = "demo-client-secret";
        DemoOidcProvider demo =
                new DemoOidcProvider(
                        DemoIdpRoutes.issuerAt(base),
                        new DemoOidcProvider.Client("pulse-demo", secret, callback),
                        users,
                        DemoSigningKey.generate(),
                        Clock.systemUTC());
        api =
                RunningApi.builder()
                        .directory(users)
                        .port(port)
                        .extraRoutes(new DemoIdpRoutes(demo)::mount)
                        .signIn(
                                new OidcClient(
                                        new OidcSettings(
                                                demo.issuer(),
                                                "pulse-demo",
                                                secret,
                                                callback,
                                                null)),
                                new BrowserSessions(
                                        Duration.ofHours(1),
                                        Duration.ofHours(8),
                                        100,
                                        Clock.systemUTC()))
                        .start();
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @Test
    void theSignInPageListsTheDemoPeopleByName() {
        Browser browser = new Browser();
        HttpResponse<String> page = browser.follow(URI.create(base + "/auth/login"), uri -> false);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.uri().getPath()).isEqualTo("/demo-idp/authorize");
        assertThat(page.body())
                .contains("Sarah Chen")
                .contains("Marcus Webb")
                .contains("aria-label=\"Sign in as Marcus Webb, manager\"")
                .contains("customer-admin of");
    }

    @Test
    void signingInAsSarahGivesHerSession() {
        Browser browser = new Browser();
        HttpResponse<String> page =
                browser.follow(URI.create(base + "/auth/login?returnTo=/portfolio"), uri -> false);
        Matcher link = SARAH_LINK.matcher(page.body());
        assertThat(link.find()).as("a link to sign in as Sarah Chen").isTrue();

        HttpResponse<String> back =
                browser.follow(
                        URI.create(base + link.group(1).replace("&amp;", "&")),
                        uri -> uri.getPath().equals("/portfolio"));

        assertThat(Browser.location(back)).hasValue(URI.create(base + "/portfolio"));
        HttpResponse<String> me = browser.get(URI.create(base + "/v1/me"));
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(RunningApi.json(me).path("email").asText())
                .isEqualTo("sarah.chen@demo.pulse.dev");
        assertThat(RunningApi.json(me).path("name").asText()).isEqualTo("Sarah Chen");

        String csrf = browser.cookie("XSRF-TOKEN").orElseThrow().value();
        HttpResponse<String> out =
                browser.send(
                        java.net.http.HttpRequest.newBuilder(URI.create(base + "/auth/logout"))
                                .header("X-XSRF-TOKEN", csrf)
                                .POST(java.net.http.HttpRequest.BodyPublishers.noBody()));
        URI endSession = URI.create(RunningApi.json(out).path("redirect").asText());
        assertThat(endSession.getPath()).isEqualTo("/demo-idp/end-session");
        assertThat(Browser.location(browser.get(endSession))).hasValue(URI.create(base + "/"));
        assertThat(browser.get(URI.create(base + "/v1/me")).statusCode()).isEqualTo(401);
    }

    @Test
    void theTokenEndpointChecksPkce() {
        Browser browser = new Browser();
        HttpResponse<String> token =
                browser.send(
                        java.net.http.HttpRequest.newBuilder(URI.create(base + "/demo-idp/token"))
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .POST(
                                        java.net.http.HttpRequest.BodyPublishers.ofString(
                                                "grant_type=authorization_code&code=nope"
                                                        + "&client_id=pulse-demo"
                                                        + "&client_secret=demo-client-secret")));
        assertThat(token.statusCode()).isEqualTo(400);
        assertThat(RunningApi.json(token).path("error").asText()).isEqualTo("invalid_grant");
    }
}
