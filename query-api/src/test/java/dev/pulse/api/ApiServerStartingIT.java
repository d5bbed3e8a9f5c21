package dev.pulse.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.Vertx;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The port is held from the start of start-up; until the API is served it answers 503. */
class ApiServerStartingIT {
    private final Vertx vertx = Vertx.vertx();

    @AfterEach
    void closeVertx() throws Exception {
        vertx.close().await(10, TimeUnit.SECONDS);
    }

    @Test
    void aListeningServerAnswersStartingAsAProblemUntilTheApiIsServed() throws Exception {
        ApiServer server = ApiServer.listen(vertx, "127.0.0.1", 0).await(10, TimeUnit.SECONDS);
        try {
            HttpResponse<String> response = get(server, "/v1/accounts/acme");

            assertThat(response.statusCode()).isEqualTo(503);
            assertThat(response.headers().firstValue("Content-Type"))
                    .hasValue("application/problem+json");
            assertThat(response.headers().firstValue("Retry-After")).hasValue("1");
            assertThat(response.body()).contains("\"status\":503").contains("Pulse is starting");
            HttpResponse<String> live = get(server, "/health/live");
            assertThat(live.statusCode()).as("the process is alive").isEqualTo(200);
            assertThat(live.body()).isEqualTo("{\"status\":\"UP\"}");
            assertThat(get(server, "/health/ready").statusCode()).isEqualTo(503);
        } finally {
            server.close().await(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void aTakenPortFailsAtOnceAndClosingTwiceDoesNothing() throws Exception {
        ApiServer first = ApiServer.listen(vertx, "127.0.0.1", 0).await(10, TimeUnit.SECONDS);
        try {
            assertThatThrownBy(
                            () ->
                                    ApiServer.listen(vertx, "127.0.0.1", first.port())
                                            .await(10, TimeUnit.SECONDS))
                    .hasMessageContaining("Address already in use");
        } finally {
            first.close().await(10, TimeUnit.SECONDS);
            first.close().await(10, TimeUnit.SECONDS);
        }
    }

    private static HttpResponse<String> get(ApiServer server, String path) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(
                                        URI.create("http://127.0.0.1:" + server.port() + path))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }
}
