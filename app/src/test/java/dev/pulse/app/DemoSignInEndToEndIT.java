package dev.pulse.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pulse.app.config.PulseConfig;
import dev.pulse.streams.broker.SharedKafkaBroker;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo's sign-in as {@code ./pulse demo} wires it: the demo provider mounted on Pulse's own
 * server, browser sign-in configured against it through {@code auth.oidc}, and a browser that signs
 * in as Sarah Chen from the provider's page and then reads {@code /v1/me} with its cookie.
 */
@ExtendWith(SharedKafkaBroker.class)
class DemoSignInEndToEndIT {
    private static final Pattern SARAH =
            Pattern.compile("href=\"([^\"]+)\" aria-label=\"Sign in as Sarah Chen, viewer\"");

    @TempDir Path dir;

    private final HttpClient http =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void signsInAsSarahThroughTheDemoProvider() throws Exception {
        int port = PulseApplication.freePort();
        String site = "http://localhost:" + port;
        DemoIdentityProvider idp = DemoIdentityProvider.create(dir.resolve("idp"), site, Map.of());
        PulseConfig base =
                TestPulse.config(dir.resolve("state"), "demo-signin-" + UUID.randomUUID());
        PulseConfig config =
                base.withApi(new PulseConfig.Api("127.0.0.1", port, "127.0.0.1"))
                        .withAuth(base.auth().withOidc(idp.oidcSettings(base.auth().oidc())));
        try (PulseApplication pulse =
                PulseApplication.start(
                        config,
                        PulseApplication.StartupProgress.SILENT,
                        idp.routes(PulseApplication.loadUsers(config.auth().users())))) {
            HttpResponse<String> login = get(site + "/auth/login?returnTo=/portfolio", null);
            assertThat(login.statusCode()).isEqualTo(302);
            String loginCookie = cookie(login, "pulse_login");

            HttpResponse<String> page = get(location(login), null);
            assertThat(page.body()).contains("Sarah Chen").contains("Marcus Webb");
            Matcher sarah = SARAH.matcher(page.body());
            assertThat(sarah.find()).isTrue();

            HttpResponse<String> chosen = get(site + sarah.group(1).replace("&amp;", "&"), null);
            HttpResponse<String> callback = get(location(chosen), "pulse_login=" + loginCookie);
            assertThat(callback.statusCode()).isEqualTo(302);
            assertThat(location(callback)).isEqualTo("/portfolio");

            HttpResponse<String> me =
                    get(site + "/v1/me", "pulse_session=" + cookie(callback, "pulse_session"));
            assertThat(me.statusCode()).isEqualTo(200);
            assertThat(me.body())
                    .contains("\"email\":\"sarah.chen@demo.pulse.dev\"")
                    .contains("\"name\":\"Sarah Chen\"")
                    .contains("\"method\":\"session\"");
        }
    }

    private HttpResponse<String> get(String url, String cookies) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).GET();
        if (cookies != null) {
            request.header("Cookie", cookies);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String location(HttpResponse<String> response) {
        return response.headers().firstValue("Location").orElseThrow();
    }

    private static String cookie(HttpResponse<String> response, String name) {
        return response.headers().allValues("Set-Cookie").stream()
                .filter(header -> header.startsWith(name + "="))
                .map(header -> header.substring(name.length() + 1, header.indexOf(';')))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no cookie " + name));
    }
}
