package dev.pulse.app;

import dev.pulse.api.auth.BrowserSessions;
import dev.pulse.api.signin.OidcClient;
import dev.pulse.api.signin.OidcSettings;
import dev.pulse.app.config.PulseConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Browser sign-in as configured ({@code auth.oidc}): the OpenID Connect client and the session
 * store it fills. The client secret comes from {@value #SECRET_ENV} or the configured file, so it
 * never sits in a YAML file that is passed around.
 *
 * @param client null when browser sign-in is off
 * @param sessions null when browser sign-in is off
 */
record BrowserSignIn(OidcClient client, BrowserSessions sessions) {
    static final String SECRET_ENV = "PULSE_OIDC_CLIENT_SECRET";
    static final BrowserSignIn OFF = new BrowserSignIn(null, null);

    static BrowserSignIn from(PulseConfig.Oidc oidc, Map<String, String> env) {
        if (!oidc.configured()) {
            return OFF;
        }
        if (oidc.redirectUri() == null || oidc.redirectUri().isBlank()) {
            throw new IllegalArgumentException(
                    "auth.oidc.redirectUri is required with an issuer: Pulse's /auth/callback URL"
                            + " as registered at the identity provider");
        }
        OidcSettings settings =
                new OidcSettings(
                        URI.create(oidc.issuer().strip()),
                        oidc.clientId(),
                        secret(oidc, env),
                        URI.create(oidc.redirectUri().strip()),
                        scopes(oidc.scopes()));
        return new BrowserSignIn(
                new OidcClient(settings),
                new BrowserSessions(
                        oidc.sessionIdleTimeout(),
                        oidc.sessionMaxAge(),
                        BrowserSessions.DEFAULT_MAX_SESSIONS,
                        Clock.systemUTC()));
    }

    private static String secret(PulseConfig.Oidc oidc, Map<String, String> env) {
        String fromEnv = env.get(SECRET_ENV);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return fromEnv.strip();
        }
        if (oidc.clientSecretFile() == null || oidc.clientSecretFile().isBlank()) {
            throw new IllegalArgumentException(
                    "browser sign-in needs the client secret: set "
                            + SECRET_ENV
                            + " or auth.oidc.clientSecretFile");
        }
        Path file = Path.of(oidc.clientSecretFile());
        try {
            return Files.readString(file, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot read the OpenID Connect client secret " + file, e);
        }
    }

    private static List<String> scopes(String scopes) {
        return scopes == null
                ? List.of()
                : Arrays.stream(scopes.split("[,\\s]+")).filter(s -> !s.isBlank()).toList();
    }
}
