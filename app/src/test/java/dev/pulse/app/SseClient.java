package dev.pulse.app;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

/** Reads a Server-Sent Events stream in the background and keeps its events. */
final class SseClient implements AutoCloseable {
    /** One event as the server framed it. */
    record Event(String id, String event, String data) {}

    private final List<Event> events = new CopyOnWriteArrayList<>();
    private final CompletableFuture<HttpResponse<Stream<String>>> response;
    private volatile int status;

    SseClient(int port, String path, String token) {
        HttpRequest request =
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .header("Authorization", "Bearer " + token)
                        .header("Accept", "text/event-stream")
                        .GET()
                        .build();
        response =
                HttpClient.newHttpClient().sendAsync(request, HttpResponse.BodyHandlers.ofLines());
        response.thenAcceptAsync(
                r -> {
                    status = r.statusCode();
                    read(r.body());
                });
    }

    private void read(Stream<String> lines) {
        String[] current = new String[3];
        lines.forEach(
                line -> {
                    if (line.isEmpty()) {
                        if (current[2] != null) {
                            events.add(new Event(current[0], current[1], current[2]));
                        }
                        current[0] = current[1] = current[2] = null;
                    } else if (line.startsWith("id: ")) {
                        current[0] = line.substring(4);
                    } else if (line.startsWith("event: ")) {
                        current[1] = line.substring(7);
                    } else if (line.startsWith("data: ")) {
                        current[2] = line.substring(6);
                    }
                });
    }

    int status() {
        return status;
    }

    List<Event> events() {
        return List.copyOf(events);
    }

    @Override
    public void close() {
        response.thenAccept(r -> r.body().close());
        response.cancel(true);
    }
}
