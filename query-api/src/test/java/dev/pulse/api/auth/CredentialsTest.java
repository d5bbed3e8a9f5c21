package dev.pulse.api.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.MultiMap;
import org.junit.jupiter.api.Test;

class CredentialsTest {
    private static MultiMap headers(String... nameValues) {
        MultiMap headers = MultiMap.caseInsensitiveMultiMap();
        for (int i = 0; i < nameValues.length; i += 2) {
            headers.add(nameValues[i], nameValues[i + 1]);
        }
        return headers;
    }

    @Test
    void readsBearerTokensAndApiKeysInEitherHeader() {
        assertThat(Credentials.from(headers("Authorization", "Bearer abc.def.ghi")))
                .isEqualTo(new Credentials.Bearer("abc.def.ghi"));
        assertThat(Credentials.from(headers("authorization", "bearer  abc ")))
                .isEqualTo(new Credentials.Bearer("abc"));
        assertThat(Credentials.from(headers("Authorization", "ApiKey pk_1_2")))
                .isEqualTo(new Credentials.ApiKey("pk_1_2"));
        assertThat(Credentials.from(headers("X-API-Key", "pk_1_2")))
                .isEqualTo(new Credentials.ApiKey("pk_1_2"));
        assertThat(Credentials.from(headers())).isNull();
    }

    @Test
    void rejectsTwoCredentials() {
        assertThatThrownBy(
                        () ->
                                Credentials.from(
                                        headers("Authorization", "Bearer a", "X-API-Key", "k")))
                .hasMessageContaining("send one credential");
    }

    @Test
    void namesAnUnsupportedSchemeButNeverEchoesACredential() {
        assertThatThrownBy(() -> Credentials.from(headers("Authorization", "Basic dXNlcjpwdw==")))
                .hasMessageStartingWith("unsupported scheme 'Basic'");
        assertThatThrownBy(() -> Credentials.from(headers("Authorization", "eyJhbGciOi.xyz.abc")))
                .hasMessageStartingWith("unsupported Authorization header without a known scheme")
                .message()
                .doesNotContain("eyJ");
        assertThatThrownBy(() -> Credentials.from(headers("Authorization", "Bearer ")))
                .hasMessage("the bearer token is empty");
    }
}
