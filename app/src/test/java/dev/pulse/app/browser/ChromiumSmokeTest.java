package dev.pulse.app.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

class ChromiumSmokeTest {
    @Test
    void rendersALocalPage() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext(
                "/",
                exchange -> {
                    byte[] body = "<h1 id=t>hello</h1>".getBytes(StandardCharsets.UTF_8);
                    exchange.getResponseHeaders().add("Content-Type", "text/html");
                    exchange.sendResponseHeaders(200, body.length);
                    exchange.getResponseBody().write(body);
                    exchange.close();
                });
        server.start();
        try (Chromium chromium = Chromium.start(1280, 800)) {
            chromium.driver().get("http://localhost:" + server.getAddress().getPort() + "/");
            assertThat(chromium.driver().findElement(By.id("t")).getText()).isEqualTo("hello");
        } finally {
            server.stop(0);
        }
    }
}
