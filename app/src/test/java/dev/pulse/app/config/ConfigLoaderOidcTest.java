package dev.pulse.app.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigLoaderOidcTest {
    @Test
    void browserSignInIsOffByDefault() {
        PulseConfig config = ConfigLoader.load(null, Map.of());

        assertThat(config.auth().oidc().configured()).isFalse();
        assertThat(config.auth().oidc().scopes()).isEqualTo("openid email profile");
        assertThat(config.auth().oidc().sessionIdleTimeout()).isEqualTo(Duration.ofHours(1));
        assertThat(config.auth().oidc().sessionMaxAge()).isEqualTo(Duration.ofHours(12));
    }

    @Test
    void theEnvironmentConfiguresTheIdentityProvider() {
        PulseConfig config =
                ConfigLoader.load(
                        null,
                        Map.of(
                                "PULSE_AUTH_OIDC_ISSUER", "https://login.example.com/realms/acme",
                                "PULSE_AUTH_OIDC_CLIENT_ID", "pulse",
                                "PULSE_AUTH_OIDC_REDIRECT_URI",
                                        "https://pulse.example.com/auth/callback",
                                "PULSE_AUTH_OIDC_SESSION_IDLE_TIMEOUT", "PT15M"));

        PulseConfig.Oidc oidc = config.auth().oidc();
        assertThat(oidc.configured()).isTrue();
        assertThat(oidc.issuer()).isEqualTo("https://login.example.com/realms/acme");
        assertThat(oidc.clientId()).isEqualTo("pulse");
        assertThat(oidc.redirectUri()).isEqualTo("https://pulse.example.com/auth/callback");
        assertThat(oidc.sessionIdleTimeout()).isEqualTo(Duration.ofMinutes(15));
    }
}
