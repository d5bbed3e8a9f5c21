package dev.pulse.bot.teams;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pulse.bot.core.ChatUser;
import dev.pulse.bot.testing.RecordingEngine;
import dev.pulse.bot.testing.Replies;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TeamsWebhookEndpointTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String secret = randomSecret();
    private final RecordingEngine engine = new RecordingEngine().answering(Replies.portfolio());
    private final HttpClient http = HttpClient.newHttpClient();
    private Vertx vertx;
    private HttpServer server;
    private URI url;

    @BeforeEach
    void start() throws Exception {
        start(Duration.ofSeconds(4));
    }

    private void start(Duration replyTimeout) throws Exception {
        if (vertx != null) {
            stop();
        }
        vertx = Vertx.vertx();
        TeamsSettings settings =
                new TeamsSettings(secret, Map.of(), "https://pulse.example.com", replyTimeout);
        Router router = Router.router(vertx);
        TeamsFrontEnd.create(settings, engine, Clock.systemUTC()).orElseThrow().mount(router);
        server =
                vertx.createHttpServer()
                        .requestHandler(router)
                        .listen(0)
                        .toCompletionStage()
                        .toCompletableFuture()
                        .get(10, TimeUnit.SECONDS);
        url = URI.create("http://localhost:" + server.actualPort() + TeamsWebhookEndpoint.PATH);
    }

    @AfterEach
    void stop() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        vertx = null;
    }

    @Test
    void answersASignedMessageWithAnAdaptiveCardBuiltFromTheEngineReply() throws Exception {
        String body =
                activity("a-1", Instant.now(), "<at>Pulse</at> at-risk accounts&nbsp;for Sarah");

        HttpResponse<String> response = post(body, signAsTeams(body));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(ct -> assertThat(ct).startsWith("application/json"));
        JsonNode message = JSON.readTree(response.body());
        assertThat(message.path("type").asText()).isEqualTo("message");
        JsonNode attachment = message.path("attachments").get(0);
        assertThat(attachment.path("contentType").asText())
                .isEqualTo("application/vnd.microsoft.card.adaptive");
        JsonNode card = attachment.path("content");
        assertThat(card.path("type").asText()).isEqualTo("AdaptiveCard");
        assertThat(card.path("version").asText()).isEqualTo("1.5");
        JsonNode first = card.path("body").get(0);
        assertThat(first.path("text").asText()).isEqualTo("Your portfolio");
        assertThat(first.path("size").asText()).isEqualTo("Large");
        assertThat(card.path("body").findValues("type"))
                .extracting(JsonNode::asText)
                .contains("FactSet", "Table", "ActionSet");

        assertThat(engine.calls()).hasSize(1);
        RecordingEngine.Call call = engine.calls().get(0);
        assertThat(call.user())
                .isEqualTo(new ChatUser("teams", "7faf2a0e-aad-object-id", "Megan Bowen", null));
        assertThat(call.text()).isEqualTo("at-risk accounts for Sarah");
    }

    @Test
    void aReportComesAsACardWithAShortLivedSignedDownloadLink() throws Exception {
        byte[] pdf = "%PDF-1.7 teams".getBytes(StandardCharsets.US_ASCII);
        engine.answering(
                dev.pulse.bot.reply.BotReply.plain("Business review of Acme")
                        .withFile(
                                new dev.pulse.bot.reply.ReplyFile(
                                        "review-acme.pdf", "application/pdf", pdf)));
        String body = activity("a-9", Instant.now(), "report Acme pdf");

        HttpResponse<String> response = post(body, signAsTeams(body));

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode card = JSON.readTree(response.body()).path("attachments").get(0).path("content");
        List<String> urls = card.findValues("url").stream().map(JsonNode::asText).toList();
        String link =
                urls.stream().filter(u -> u.contains("/teams/files/")).findFirst().orElseThrow();
        assertThat(link).startsWith("https://pulse.example.com/teams/files/");
        assertThat(card.findValues("type"))
                .extracting(JsonNode::asText)
                .contains("Action.OpenUrl")
                .doesNotContain("Action.Submit");
        String pathAndQuery = link.substring("https://pulse.example.com".length());
        URI local = URI.create("http://localhost:" + server.actualPort() + pathAndQuery);

        HttpResponse<byte[]> download =
                http.send(
                        HttpRequest.newBuilder(local).GET().build(),
                        HttpResponse.BodyHandlers.ofByteArray());
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(pdf);
        assertThat(download.headers().firstValue("Content-Disposition").orElse(""))
                .contains("review-acme.pdf");

        URI forged = URI.create(local.toString().replaceAll("signature=[^&]*", "signature=AAAA"));
        assertThat(
                        http.send(
                                        HttpRequest.newBuilder(forged).GET().build(),
                                        HttpResponse.BodyHandlers.discarding())
                                .statusCode())
                .isEqualTo(404);
    }

    @Test
    void refusesABadSignature() throws Exception {
        String body = activity("a-2", Instant.now(), "portfolio");
        String otherKey =
                new TeamsSignature(Base64.getDecoder().decode(randomSecret()))
                        .header(body.getBytes(StandardCharsets.UTF_8));

        HttpResponse<String> response = post(body, otherKey);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(JSON.readTree(response.body()).path("error").asText()).contains("signature");
        assertThat(engine.calls()).isEmpty();
    }

    @Test
    void refusesAMissingSignature() throws Exception {
        HttpResponse<String> response = post(activity("a-3", Instant.now(), "portfolio"), null);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(engine.calls()).isEmpty();
    }

    @Test
    void refusesABodyAlteredAfterSigning() throws Exception {
        String body = activity("a-4", Instant.now(), "ack acme/gone-silent");
        String signature = signAsTeams(body);

        HttpResponse<String> response =
                post(body.replace("ack acme/gone-silent", "resolve acme/gone-silent"), signature);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(engine.calls()).isEmpty();
    }

    @Test
    void refusesAReplayedActivity() throws Exception {
        String body = activity("a-5", Instant.now(), "ack acme/gone-silent");

        assertThat(post(body, signAsTeams(body)).statusCode()).isEqualTo(200);
        assertThat(post(body, signAsTeams(body)).statusCode()).isEqualTo(409);

        String old = activity("a-6", Instant.now().minus(Duration.ofMinutes(30)), "portfolio");
        assertThat(post(old, signAsTeams(old)).statusCode()).isEqualTo(401);
        assertThat(engine.calls()).hasSize(1);
    }

    @Test
    void answersWithinTheLimitWhenTheEngineIsSlow() throws Exception {
        start(Duration.ofMillis(500));
        engine.gate().hold(); // the engine cannot answer until released
        String body = activity("a-7", Instant.now(), "portfolio");

        long started = System.nanoTime();
        HttpResponse<String> response;
        try {
            response = post(body, signAsTeams(body));
        } finally {
            engine.gate().release();
        }
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(response.statusCode()).isEqualTo(200);
        // Teams' own limit: a reply after five seconds is lost. The 500 ms timeout is what fired,
        // as the text below shows; a loaded machine may add seconds of start-up to the first call.
        assertThat(took).isLessThan(Duration.ofSeconds(5));
        JsonNode message = JSON.readTree(response.body());
        assertThat(message.path("type").asText()).isEqualTo("message");
        assertThat(message.path("text").asText()).startsWith("Still working on it");
    }

    @Test
    void readsTheTypedTextOutOfTeamsHtml() {
        assertThat(
                        TeamsWebhookEndpoint.plainText(
                                "<at>Pulse</at>&nbsp;how is <b>Acme</b> &amp; co?<br/>thanks"))
                .isEqualTo("how is Acme & co?\nthanks");
    }

    /** Exactly as Microsoft documents it, independently of the production code. */
    private String signAsTeams(String body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret), "HmacSHA256"));
        return "HMAC "
                + Base64.getEncoder()
                        .encodeToString(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    }

    private HttpResponse<String> post(String body, String authorization) throws Exception {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(url)
                        .timeout(Duration.ofSeconds(10))
                        .header("Content-Type", "application/json; charset=utf-8")
                        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String activity(String id, Instant at, String html) throws Exception {
        var node = JSON.createObjectNode();
        node.put("type", "message");
        node.put("id", id);
        node.put("timestamp", at.toString());
        node.put("localTimestamp", at.toString());
        node.put("serviceUrl", "https://smba.trafficmanager.net/amer/");
        node.put("channelId", "msteams");
        var from = node.putObject("from");
        from.put(
                "id", "29:1XJKJMvc5GBtc2JwZq0oj8tHZmzrQgFmB39ATiQWA85gQtHieVkKilBZ9XHoq9j7Zaqt7CZ");
        from.put("name", "Megan Bowen");
        from.put("aadObjectId", "7faf2a0e-aad-object-id");
        node.putObject("conversation").put("id", "19:channel@thread.skype;messageid=" + id);
        node.put("text", html);
        node.put("textFormat", "plain");
        // Teams sends non-ASCII text as UTF-8; the signature covers those bytes.
        node.put("locale", "en-US");
        node.putObject("channelData")
                .put("teamsTeamId", "19:team@thread.skype")
                .put("note", "Zürich ✓");
        return JSON.writeValueAsString(node);
    }

    private static String randomSecret() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }
}
