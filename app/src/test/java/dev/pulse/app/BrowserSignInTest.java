package dev.pulse.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pulse.app.config.PulseConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BrowserSignInTest {
    @TempDir Path dir;

    @Test
    void isOffWithoutAnIssuer() {
        BrowserSignIn signIn = BrowserSignIn.from(PulseConfig.Oidc.OFF, Map.of());

        assertThat(signIn.client()).isNull();
        assertThat(signIn.sessions()).isNull();
    }

    @Test
    void takesTheSecretFromTheEnvironmentBeforeTheFile() throws Exception {
        Path file = Files.writeString(dir.resolve("secret"), "from-file\n");

        BrowserSignIn fromEnv =
                BrowserSignIn.from(
                        oidc(file.toString()), Map.of(BrowserSignIn.SECRET_ENV, "from-env"));
        BrowserSignIn fromFile = BrowserSignIn.from(oidc(file.toString()), Map.of());

        assertThat(fromEnv.client().settings().clientSecret()).isEqualTo("from-env");
        assertThat(fromFile.client().settings().clientSecret()).isEqualTo("from-file");
        assertThat(fromFile.client().settings().scopes()).containsExactly("openid", "email");
        assertThat(fromFile.sessions()).isNotNull();
    }

    @Test
    void saysWhatIsMissingWithoutASecret() {
        assertThatThrownBy(() -> BrowserSignIn.from(oidc(""), Map.of()))
                .hasMessageContaining(BrowserSignIn.SECRET_ENV)
                .hasMessageContaining("clientSecretFile");
    }

    private static PulseConfig.Oidc oidc(String secretFile) {
        return new PulseConfig.Oidc(
                "https://login.example.com",
                "pulse",
                secretFile,
                "https://pulse.example.com/auth/callback",
                "openid, email",
                Duration.ofMinutes(30),
                Duration.ofHours(8));
    }
}
