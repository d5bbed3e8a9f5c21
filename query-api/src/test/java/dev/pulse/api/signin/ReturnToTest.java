package dev.pulse.api.signin;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ReturnToTest {
    @Test
    void returnsHomeWhenNothingIsAsked() {
        assertThat(ReturnTo.parse(null)).hasValue("/");
        assertThat(ReturnTo.parse("")).hasValue("/");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/accounts/acme", "/portfolio?owner=sarah%40x.dev#top", "/a//b"})
    void acceptsPathsOnPulse(String path) {
        assertThat(ReturnTo.parse(path)).hasValue(path);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "//evil.example",
                "//evil.example/path",
                "/\\evil.example",
                "\\\\evil.example",
                "https://evil.example/",
                "http:evil.example",
                "javascript:alert(1)",
                "evil.example",
                "/ok\r\nSet-Cookie: x=y",
                "/tab\there",
                "/space here"
            })
    void refusesAnythingABrowserCouldTakeForAnotherSite(String target) {
        assertThat(ReturnTo.parse(target)).isEmpty();
    }

    @Test
    void refusesVeryLongPaths() {
        assertThat(ReturnTo.parse("/" + "a".repeat(ReturnTo.MAX_LENGTH))).isEmpty();
    }
}
