package dev.pulse.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pulse.app.config.PulseConfig;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The API's port is taken first: a port in use fails the start at once, before Kafka is asked. */
class TakenApiPortTest {
    @TempDir Path stateDir;

    @Test
    void aPortInUseFailsTheStartAtOnceNamingTheAddress() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
            // Nothing listens on this broker address: reaching Kafka would hang, not fail.
            PulseConfig base =
                    TestPulse.config(
                            stateDir, "taken-port", new PulseConfig.Kafka("127.0.0.1:1", "", 0));
            PulseConfig config =
                    base.withApi(
                            new PulseConfig.Api("127.0.0.1", taken.getLocalPort(), "127.0.0.1"));
            long started = System.nanoTime();

            assertThatThrownBy(
                            () ->
                                    PulseApplication.start(
                                            config, PulseApplication.StartupProgress.SILENT))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining(
                            "The API cannot listen on 127.0.0.1:" + taken.getLocalPort())
                    .hasMessageContaining("Address already in use");
            assertThat(Duration.ofNanos(System.nanoTime() - started))
                    .isLessThan(Duration.ofSeconds(30));
        }
    }
}
