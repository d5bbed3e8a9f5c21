package dev.pulse.api.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class InternalTokenTest {
    @Test
    void matchesOnlyTheSameToken() {
        String token = InternalToken.generate();
        assertThat(token).hasSize(43);
        assertThat(InternalToken.matches(token, token)).isTrue();
        assertThat(InternalToken.matches(token + "x", token)).isFalse();
        assertThat(InternalToken.matches("", token)).isFalse();
        assertThat(InternalToken.matches(null, token)).isFalse();
        assertThat(InternalToken.matches(token, null)).isFalse();
        assertThat(InternalToken.generate()).isNotEqualTo(token);
    }

    @Test
    void challengeKeepsToQuotedStringCharacters() {
        assertThat(ApiAuthenticationHandler.challenge("issuer \"x\\y\" is bad é"))
                .isEqualTo(
                        "Bearer realm=\"pulse\", error=\"invalid_token\","
                                + " error_description=\"issuer 'x'y' is bad '\"");
    }
}
