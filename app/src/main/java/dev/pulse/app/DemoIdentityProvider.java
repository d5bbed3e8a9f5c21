package dev.pulse.app;

import com.nimbusds.jwt.JWTClaimsSet;
import dev.pulse.access.security.UserDirectory;
import dev.pulse.api.demoidp.DemoIdpRoutes;
import dev.pulse.api.demoidp.DemoOidcProvider;
import dev.pulse.api.demoidp.DemoSigningKey;
import dev.pulse.app.config.PulseConfig;
import io.vertx.ext.web.Router;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Stands in for a company's identity provider in the demo, with one fresh signing key per run. For
 * the browser it is an OpenID provider on Pulse's own server ({@code /demo-idp}) that Pulse signs
 * people in with exactly as it would with a real one; for curl it mints ready-made bearer tokens,
 * verified against its public key written as a JWKS file.
 */
public final class DemoIdentityProvider {
    static final String ISSUER = "https://idp.demo.pulse.dev";
    static final String AUDIENCE = "pulse";
    static final String CLIENT_ID = "pulse-demo";

    private final DemoSigningKey key;
    private final Path jwksFile;
    private final Path secretFile;
    private final String clientSecret;
    private final String site;

    private DemoIdentityProvider(
            DemoSigningKey key, Path jwksFile, Path secretFile, String clientSecret, String site) {
        this.key = key;
        this.jwksFile = jwksFile;
        this.secretFile = secretFile;
        this.clientSecret = clientSecret;
        this.site = site;
    }

    /**
     * A provider for a Pulse served at {@code site} ({@code http://localhost:8080}), its files
     * under {@code dir}.
     */
    public static DemoIdentityProvider create(Path dir, String site, Map<String, String> env)
            throws IOException {
        DemoSigningKey key = DemoSigningKey.generate();
        Files.createDirectories(dir);
        Path jwks = dir.resolve("jwks.json");
        Files.writeString(jwks, key.publicKeys().toString(), StandardCharsets.UTF_8);
        // The sign-in reads its secret from the environment first: the provider must agree.
        String secret = env.getOrDefault(BrowserSignIn.SECRET_ENV, UUID.randomUUID().toString());
        Path secretFile = dir.resolve("client-secret");
        Files.writeString(secretFile, secret, StandardCharsets.UTF_8);
        return new DemoIdentityProvider(key, jwks, secretFile, secret, site);
    }

    /** Configuration pointing Pulse's JWT verification at this provider's key set. */
    PulseConfig.Jwt jwtSettings() {
        return new PulseConfig.Jwt(
                jwksFile.toString(), "", "", ISSUER, AUDIENCE, Duration.ofMinutes(1));
    }

    /** Browser sign-in against this provider, keeping the session lifetimes of {@code base}. */
    public PulseConfig.Oidc oidcSettings(PulseConfig.Oidc base) {
        return new PulseConfig.Oidc(
                DemoIdpRoutes.issuerAt(site).toString(),
                CLIENT_ID,
                secretFile.toString(),
                callback().toString(),
                "openid email profile",
                base.sessionIdleTimeout(),
                base.sessionMaxAge());
    }

    /** The provider's routes, listing the people of {@code users}. */
    public Consumer<Router> routes(UserDirectory users) {
        DemoOidcProvider provider =
                new DemoOidcProvider(
                        DemoIdpRoutes.issuerAt(site),
                        new DemoOidcProvider.Client(CLIENT_ID, clientSecret, callback()),
                        users,
                        key,
                        Clock.systemUTC());
        return new DemoIdpRoutes(provider)::mount;
    }

    /** A token for a directory user, valid for the given time. */
    String tokenFor(String email, Duration validity) {
        Instant now = Instant.now();
        return key.sign(
                new JWTClaimsSet.Builder()
                        .issuer(ISSUER)
                        .audience(AUDIENCE)
                        .subject(email)
                        .claim("email", email)
                        .issueTime(Date.from(now))
                        .notBeforeTime(Date.from(now.minusSeconds(5)))
                        .expirationTime(Date.from(now.plus(validity)))
                        .build());
    }

    private URI callback() {
        return URI.create(site + "/auth/callback");
    }
}
