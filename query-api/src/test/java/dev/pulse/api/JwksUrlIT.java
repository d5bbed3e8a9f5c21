package dev.pulse.api;

import static dev.pulse.api.testing.ProblemAssertions.assertUnavailable;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.sun.net.httpserver.HttpServer;
import dev.pulse.api.auth.JwtSettings;
import dev.pulse.api.testing.RunningApi;
import dev.pulse.api.testing.TestUsers;
import dev.pulse.api.testing.Tokens;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A key set fetched from an identity provider's JWKS URL: cached, refreshed on a new key id. */
class JwksUrlIT {
    private final AtomicReference<JWKSet> published = new AtomicReference<>();
    private final AtomicInteger fetches = new AtomicInteger();
    private HttpServer idp;
    private RunningApi api;

    @BeforeEach
    void start() throws IOException {
        idp = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        idp.createContext(
                "/.well-known/jwks.json",
                exchange -> {
                    fetches.incrementAndGet();
                    byte[] body =
                            published
                                    .get()
                                    .toPublicJWKSet()
                                    .toString()
                                    .getBytes(StandardCharsets.UTF_8);
                    exchange.getResponseHeaders().add("Content-Type", "application/json");
                    exchange.sendResponseHeaders(200, body.length);
                    try (OutputStream out = exchange.getResponseBody()) {
                        out.write(body);
                    }
                });
        idp.start();
    }

    @AfterEach
    void stop() {
        if (api != null) {
            api.close();
        }
        idp.stop(0);
    }

    private RunningApi apiTrusting(String url) {
        return RunningApi.builder()
                .jwt(new JwtSettings(null, url, null, Tokens.ISSUER, Tokens.AUDIENCE, null))
                .start();
    }

    private String url() {
        return "http://127.0.0.1:" + idp.getAddress().getPort() + "/.well-known/jwks.json";
    }

    @Test
    void fetchesCachesAndFollowsKeyRotation() throws Exception {
        RSAKey first = new RSAKeyGenerator(2048).keyID("2026-01").generate();
        published.set(new JWKSet(first));
        api = apiTrusting(url());

        for (int i = 0; i < 3; i++) {
            assertThat(
                            api.withToken(Tokens.claims(TestUsers.SARAH).rs256(first))
                                    .get("/v1/me")
                                    .statusCode())
                    .isEqualTo(200);
        }
        assertThat(fetches.get()).as("the key set is cached").isEqualTo(1);

        RSAKey second = new RSAKeyGenerator(2048).keyID("2026-02").generate();
        published.set(new JWKSet(List.of(first, second)));
        assertThat(
                        api.withToken(Tokens.claims(TestUsers.SARAH).rs256(second))
                                .get("/v1/me")
                                .statusCode())
                .as("an unknown key id makes Nimbus fetch the set again")
                .isEqualTo(200);
        assertThat(fetches.get()).isEqualTo(2);
    }

    @Test
    void answers503WhileTheKeySetCannotBeFetched() throws Exception {
        RSAKey key = new RSAKeyGenerator(2048).keyID("k").generate();
        api = apiTrusting("http://127.0.0.1:9/unreachable/jwks.json");
        assertUnavailable(api.withToken(Tokens.claims(TestUsers.SARAH).rs256(key)).get("/v1/me"));
    }
}
