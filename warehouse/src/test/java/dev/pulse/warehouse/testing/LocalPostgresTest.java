package dev.pulse.warehouse.testing;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

class LocalPostgresTest {
    @Test
    void aTestWithoutItsServerFailsSayingHowToStartIt() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }

        assertThatThrownBy(() -> new LocalPostgres(closedPort).beforeEach(null))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not reachable")
                .hasMessageContaining("pg_ctlcluster --skip-systemctl-redirect 15 main start");
    }
}
