package dev.pulse.app.bench.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.lang.ref.WeakReference;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DevToolsConnectionTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration GC_DEADLINE = Duration.ofSeconds(10);

    private Vertx vertx;
    private HttpServer browser;

    /** Plays Chromium's DevTools endpoint: every command is answered with its id. */
    @BeforeEach
    void startBrowser() throws Exception {
        vertx = Vertx.vertx();
        browser =
                vertx.createHttpServer()
                        .webSocketHandler(
                                socket ->
                                        socket.textMessageHandler(
                                                text ->
                                                        socket.writeTextMessage(
                                                                "{\"id\":"
                                                                        + id(text)
                                                                        + ",\"result\":{\"product\":"
                                                                        + "\"Chromium\"}}")))
                        .listen(0, "127.0.0.1")
                        .await(10, TimeUnit.SECONDS);
    }

    @AfterEach
    void stopBrowser() throws Exception {
        vertx.close().await(10, TimeUnit.SECONDS);
    }

    /**
     * The 49-user round of the bench's dashboard phase failed with "DevTools closed (status 1000)":
     * the connection's Vert.x client was unreachable, and a garbage collection under the load had
     * Vert.x close it with its socket.
     */
    @Test
    void staysOpenThroughGarbageCollections() throws Exception {
        URI address = URI.create("ws://127.0.0.1:" + browser.actualPort() + "/devtools/browser/1");
        try (DevToolsConnection devTools = DevToolsConnection.open(address)) {
            collectGarbage();
            // Commands in turn give Vert.x's cleaner time to run, were anything left to clean.
            for (int i = 0; i < 200; i++) {
                JsonNode version =
                        devTools.send("Browser.getVersion", null).get(5, TimeUnit.SECONDS);
                assertThat(version.path("product").asText()).isEqualTo("Chromium");
            }
        }
    }

    private static long id(String command) {
        try {
            return JSON.readTree(command).path("id").asLong();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Until an object only weakly held has been collected: a full collection has run. */
    private static void collectGarbage() {
        WeakReference<Object> sentinel = new WeakReference<>(new Object());
        long deadline = System.nanoTime() + GC_DEADLINE.toNanos();
        while (sentinel.get() != null) {
            assertThat(System.nanoTime())
                    .as("a garbage collection within %s", GC_DEADLINE)
                    .isLessThan(deadline);
            System.gc();
        }
    }
}
