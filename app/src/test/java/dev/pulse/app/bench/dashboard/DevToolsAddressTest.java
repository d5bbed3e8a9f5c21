package dev.pulse.app.bench.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

class DevToolsAddressTest {
    @Test
    void findsTheBrowserWebSocketInChromiumsAnnouncement() {
        assertThat(
                        DevToolsAddress.parse(
                                "DevTools listening on"
                                        + " ws://127.0.0.1:40613/devtools/browser/0b6c1d2e-7f3a"))
                .contains(URI.create("ws://127.0.0.1:40613/devtools/browser/0b6c1d2e-7f3a"));
    }

    @Test
    void ignoresChromiumsOtherStderrLines() {
        assertThat(
                        DevToolsAddress.parse(
                                "[1203/054200.123:ERROR:bus.cc(407)] Failed to connect to the bus"))
                .isEmpty();
    }
}
