package dev.pulse.app;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pulse.topologies.json.PulseJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A small JSON-over-HTTP client for tests of a running Pulse. */
final class PulseHttp {
    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;
    private final String token;

    /** A client acting as the directory's administrator. */
    PulseHttp(int port) {
        this(port, TestTokens.admin());
    }

    PulseHttp(int port, String token) {
        this.base = "http://127.0.0.1:" + port;
        this.token = token;
    }

    PulseHttp as(String email) {
        return new PulseHttp(
                Integer.parseInt(base.substring(base.lastIndexOf(':') + 1)),
                TestTokens.forUser(email));
    }

    /** Posts accounts as CSV rows of {@code tenantId,name,owner,licensedSeats}; expects 200. */
    void addAccounts(String csvRows) {
        expectOk(post("/v1/accounts", "text/csv", "tenantId,name,owner,licensedSeats\n" + csvRows));
    }

    /** Posts a JSON array of usage events; expects 200. */
    void addEvents(String jsonArray) {
        expectOk(post("/v1/events", "application/json", jsonArray));
    }

    private static void expectOk(Response response) {
        if (response.status() != 200) {
            throw new AssertionError(
                    "expected 200, got " + response.status() + ": " + response.body());
        }
    }

    Response get(String path) {
        return send(authorized(HttpRequest.newBuilder(URI.create(base + path)).GET()));
    }

    /** A conditional read: 304 while the answer is still the one {@code entityTag} names. */
    Response getIfNoneMatch(String path, String entityTag) {
        return send(
                authorized(
                        HttpRequest.newBuilder(URI.create(base + path))
                                .header("If-None-Match", entityTag)
                                .GET()));
    }

    Response post(String path, String contentType, String body) {
        return send(
                authorized(
                        HttpRequest.newBuilder(URI.create(base + path))
                                .header("Content-Type", contentType)
                                .POST(HttpRequest.BodyPublishers.ofString(body))));
    }

    Response put(String path, String json) {
        return send(
                authorized(
                        HttpRequest.newBuilder(URI.create(base + path))
                                .header("Content-Type", "application/json")
                                .PUT(HttpRequest.BodyPublishers.ofString(json))));
    }

    Response delete(String path) {
        return send(authorized(HttpRequest.newBuilder(URI.create(base + path)).DELETE()));
    }

    Response patch(String path, String json) {
        return send(
                authorized(
                        HttpRequest.newBuilder(URI.create(base + path))
                                .header("Content-Type", "application/json")
                                .method("PATCH", HttpRequest.BodyPublishers.ofString(json))));
    }

    private HttpRequest.Builder authorized(HttpRequest.Builder request) {
        return token == null ? request : request.header("Authorization", "Bearer " + token);
    }

    private Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response =
                    http.send(
                            request.timeout(Duration.ofSeconds(20)).build(),
                            HttpResponse.BodyHandlers.ofString());
            return new Response(
                    response.statusCode(),
                    response.body(),
                    response.headers().firstValue("ETag").orElse(null));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** An answer; {@code entityTag} is its {@code ETag} header, null without one. */
    record Response(int status, String body, String entityTag) {
        JsonNode json() {
            try {
                return PulseJson.mapper().readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + body, e);
            }
        }
    }
}
