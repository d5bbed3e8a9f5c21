package dev.pulse.bot.slack;

import dev.pulse.access.security.DirectoryUser;
import dev.pulse.access.security.Role;
import dev.pulse.access.security.ScopeSpec;
import dev.pulse.access.security.UserDirectory;
import dev.pulse.bot.reply.BotReply;
import dev.pulse.bot.testing.RecordingEngine;
import dev.pulse.bot.testing.Replies;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Pulse's Slack front end on a real Vert.x server, Bolt pointed at {@link FakeSlackApi}, and a
 * client that sends requests signed as Slack signs them.
 */
final class SlackFixture {
    static final String SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
    static final String SARAH = "sarah@x.test";
    static final String DAVID = "david@x.test";
    static final String ALERTS_CHANNEL = "CALERTS";

    static final UserDirectory USERS =
            UserDirectory.of(
                    List.of(
                            new DirectoryUser(
                                    SARAH,
                                    "Sarah",
                                    Role.VIEWER,
                                    ScopeSpec.OWN,
                                    null,
                                    null,
                                    Map.of("slack", "USARAH")),
                            new DirectoryUser(
                                    DAVID, "David", Role.VIEWER, ScopeSpec.OWN, null, null)));

    /** A scheduled run's file as the notifier's renderer would hand it over. */
    static final byte[] REPORT_BYTES = Replies.REPORT_BYTES;

    final FakeSlackApi api;
    final RecordingEngine engine =
            new RecordingEngine()
                    .answering(Replies.portfolioTable())
                    .answeringPresses(value -> BotReply.plain("Acknowledged " + value + "."));
    final SlackFrontEnd frontEnd;
    final Vertx vertx = Vertx.vertx();
    final HttpServer server;
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    SlackFixture() throws Exception {
        api = new FakeSlackApi();
        api.addUser("USARAH", "Sarah", SARAH);
        api.addUser("UDAVID", "David", DAVID);
        api.addUser("UGUEST", "Guest", null);
        SlackSettings settings =
                new SlackSettings(
                        SECRET,
                        "xoxb-test-token",
                        null,
                        api.apiUrl(),
                        List.of(ALERTS_CHANNEL),
                        "https://pulse.example.com/");
        frontEnd = SlackFrontEnd.create(settings, engine, USERS, Replies.REPORTS).orElseThrow();
        Router router = Router.router(vertx);
        frontEnd.mount(router);
        server =
                vertx.createHttpServer()
                        .requestHandler(router)
                        .listen(0, "127.0.0.1")
                        .toCompletionStage()
                        .toCompletableFuture()
                        .get(10, TimeUnit.SECONDS);
    }

    /** Posts {@code body} to /slack/events signed now with the right secret. */
    HttpResponse<String> post(String contentType, String body) throws Exception {
        long now = Instant.now().getEpochSecond();
        return post(contentType, body, now, SlackSigner.signature(SECRET, now, body));
    }

    HttpResponse<String> post(String contentType, String body, long timestamp, String signature)
            throws Exception {
        HttpRequest request =
                HttpRequest.newBuilder(
                                URI.create(
                                        "http://127.0.0.1:"
                                                + server.actualPort()
                                                + SlackHttpEndpoint.PATH))
                        .timeout(Duration.ofSeconds(10))
                        .header("Content-Type", contentType)
                        .header("X-Slack-Request-Timestamp", String.valueOf(timestamp))
                        .header("X-Slack-Signature", signature)
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> postForm(Map<String, String> form) throws Exception {
        return post("application/x-www-form-urlencoded", form(form));
    }

    HttpResponse<String> postJson(String json) throws Exception {
        return post("application/json", json);
    }

    static String form(Map<String, String> form) {
        return form.entrySet().stream()
                .map(
                        e ->
                                URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                                        + "="
                                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    void close() throws Exception {
        frontEnd.close();
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        api.close();
    }
}
