package dev.pulse.app.bench.dashboard;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The Chrome DevTools Protocol over one WebSocket: a command is JSON with an id, and its answer
 * comes back with the same id. Commands for a page carry the page's session id (flat sessions), so
 * one connection drives the browser and its tabs. Events are not listened to: the bench polls the
 * page instead, which needs no domain enabled while it measures.
 */
final class DevToolsConnection implements AutoCloseable {
    private static final int MAX_MESSAGE_BYTES = 64 * 1024 * 1024;
    private static final String SHUTTING_DOWN = "Vert.x is shutting the DevTools client down";

    private final ObjectMapper json = new ObjectMapper();
    private final AtomicLong ids = new AtomicLong();
    private final Map<Long, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final Vertx vertx;

    /**
     * Held for as long as the socket is used: Vert.x 5 closes a client, and every connection it
     * opened, once the client object is unreachable (a {@link java.lang.ref.Cleaner}), so a client
     * kept only in a local variable closes its socket with status 1000 at some later garbage
     * collection.
     */
    private final WebSocketClient client;

    private final WebSocket socket;
    private volatile boolean shuttingDown;

    private DevToolsConnection(Vertx vertx, WebSocketClient client, WebSocket socket) {
        this.vertx = vertx;
        this.client = client;
        this.socket = socket;
        socket.textMessageHandler(this::received);
        socket.closeHandler(
                closed ->
                        failAll(
                                new IllegalStateException(
                                        "DevTools closed (status "
                                                + socket.closeStatusCode()
                                                + ", reason: "
                                                + socket.closeReason()
                                                + ")")));
        socket.exceptionHandler(
                failure ->
                        failAll(new IllegalStateException("DevTools failed: " + failure, failure)));
        // Said at once, rather than by a close frame when the 30 s grace period is over.
        socket.shutdownHandler(
                shutdown -> {
                    shuttingDown = true;
                    failAll(new IllegalStateException(SHUTTING_DOWN));
                });
    }

    static DevToolsConnection open(URI address) {
        // An event loop of its own, apart from the API's and the load generators'.
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1));
        try {
            WebSocketClient client =
                    vertx.createWebSocketClient(
                            new WebSocketClientOptions()
                                    .setMaxFrameSize(MAX_MESSAGE_BYTES)
                                    .setMaxMessageSize(MAX_MESSAGE_BYTES));
            WebSocket socket =
                    client.connect(
                                    new WebSocketConnectOptions()
                                            .setHost(address.getHost())
                                            .setPort(address.getPort())
                                            .setURI(address.getRawPath()))
                            .await(10, TimeUnit.SECONDS);
            return new DevToolsConnection(vertx, client, socket);
        } catch (Exception e) {
            vertx.close();
            throw new IllegalStateException("cannot reach DevTools at " + address, e);
        }
    }

    /** Sends a browser-wide command. */
    CompletableFuture<JsonNode> send(String method, ObjectNode params) {
        return send(null, method, params);
    }

    /** Sends a command to the page attached as {@code sessionId}; completes with its result. */
    CompletableFuture<JsonNode> send(String sessionId, String method, ObjectNode params) {
        long id = ids.incrementAndGet();
        ObjectNode message = json.createObjectNode().put("id", id).put("method", method);
        message.set("params", params == null ? json.createObjectNode() : params);
        if (sessionId != null) {
            message.put("sessionId", sessionId);
        }
        CompletableFuture<JsonNode> answer = new CompletableFuture<>();
        if (shuttingDown) {
            answer.completeExceptionally(new IllegalStateException(SHUTTING_DOWN));
            return answer;
        }
        pending.put(id, answer);
        socket.writeTextMessage(message.toString())
                .onFailure(
                        failed -> {
                            pending.remove(id);
                            answer.completeExceptionally(failed);
                        });
        return answer;
    }

    ObjectNode params() {
        return json.createObjectNode();
    }

    private void received(String text) {
        JsonNode message;
        try {
            message = json.readTree(text);
        } catch (JsonProcessingException e) {
            return;
        }
        if (!message.has("id")) {
            return; // an event
        }
        CompletableFuture<JsonNode> answer = pending.remove(message.get("id").asLong());
        if (answer == null) {
            return;
        }
        if (message.has("error")) {
            answer.completeExceptionally(
                    new IllegalStateException(
                            "DevTools refused: " + message.get("error").path("message").asText()));
        } else {
            answer.complete(message.path("result"));
        }
    }

    private void failAll(Exception cause) {
        pending.values().forEach(answer -> answer.completeExceptionally(cause));
        pending.clear();
    }

    @Override
    public void close() {
        try {
            socket.close().await(5, TimeUnit.SECONDS);
            client.close().await(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            // The browser is about to be stopped anyway.
        }
        try {
            vertx.close().await(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("the DevTools client did not close in 10 s", e);
        }
    }
}
