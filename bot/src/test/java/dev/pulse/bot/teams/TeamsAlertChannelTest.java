package dev.pulse.bot.teams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.pulse.bot.testing.Replies;
import dev.pulse.notify.channel.DeliveryException;
import dev.pulse.notify.model.Notification;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The channel against a local server playing the incoming webhook / Workflows URL. */
class TeamsAlertChannelTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String OWNER = "sarah.chen@demo.pulse.dev";

    private final List<Posted> posted = new CopyOnWriteArrayList<>();
    private volatile int status = 200;
    private volatile String answer = "1";
    private volatile Map<String, String> headers = Map.of();
    private HttpServer server;

    record Posted(String path, String contentType, String body) {}

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext(
                "/",
                exchange -> {
                    String body =
                            new String(
                                    exchange.getRequestBody().readAllBytes(),
                                    StandardCharsets.UTF_8);
                    posted.add(
                            new Posted(
                                    exchange.getRequestURI().getPath(),
                                    exchange.getRequestHeaders().getFirst("Content-Type"),
                                    body));
                    headers.forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
                    byte[] out = answer.getBytes(StandardCharsets.UTF_8);
                    exchange.sendResponseHeaders(status, out.length);
                    exchange.getResponseBody().write(out);
                    exchange.close();
                });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void aScheduledReportIsPostedAsACardWithADayLongSignedDownloadLink() throws Exception {
        TeamsFiles files = new TeamsFiles("https://pulse.example.com", Clock.systemUTC());
        channel(Map.of(TeamsSettings.DEFAULT_KEY, "/hook"))
                .withReports(Replies.REPORTS, files)
                .deliver(Replies.delivery("teams", Replies.scheduledReport(OWNER, "teams")));

        JsonNode card = JSON.readTree(posted.get(0).body()).path("attachments").get(0);
        String link =
                card.findValues("url").stream()
                        .map(JsonNode::asText)
                        .filter(u -> u.contains(TeamsFiles.PATH))
                        .findFirst()
                        .orElseThrow();
        long expires = Long.parseLong(link.replaceAll(".*expires=(\\d+).*", "$1"));
        assertThat(java.time.Instant.ofEpochSecond(expires))
                .isAfter(java.time.Instant.now().plus(Duration.ofHours(23)));
        assertThat(card.toString()).contains("Weekly report: account acme");
    }

    private TeamsAlertChannel channel(Map<String, String> hooks) {
        Map<String, URI> urls = new java.util.LinkedHashMap<>();
        hooks.forEach(
                (k, path) ->
                        urls.put(
                                k,
                                URI.create(
                                        "http://127.0.0.1:"
                                                + server.getAddress().getPort()
                                                + path)));
        TeamsSettings settings =
                new TeamsSettings("", urls, "https://pulse.example.com/", Duration.ofSeconds(4));
        return new TeamsAlertChannel(settings, new AdaptiveCardRenderer(false), Clock.systemUTC());
    }

    @Test
    void postsTheAlertCardWithExplanationFactsAndAccountLink() throws Exception {
        Notification n = Replies.notification(OWNER, "acme/gone-silent", "Acme Corp");

        channel(Map.of("default", "/workflows/default")).deliver(Replies.delivery("teams", n));

        assertThat(posted).hasSize(1);
        Posted post = posted.get(0);
        assertThat(post.path()).isEqualTo("/workflows/default");
        assertThat(post.contentType()).startsWith("application/json");
        JsonNode message = JSON.readTree(post.body());
        assertThat(message.path("type").asText()).isEqualTo("message");
        JsonNode attachment = message.path("attachments").get(0);
        assertThat(attachment.path("contentType").asText())
                .isEqualTo("application/vnd.microsoft.card.adaptive");
        JsonNode body = attachment.path("content").path("body");
        assertThat(body.get(0).path("text").asText()).contains("CRITICAL").contains("Acme Corp");
        assertThat(body.get(1).path("text").asText())
                .isEqualTo("Acme Corp has had no logins for 7 days (usually 40 a day).");
        JsonNode facts = body.get(2).path("facts");
        assertThat(facts.findValuesAsText("title")).containsExactly("Rule", "Since", "Alert");
        assertThat(facts.findValuesAsText("value"))
                .containsExactly("gone-silent", "2026-11-21 09:30 UTC", "acme/gone-silent");
        assertThat(body.findValues("url"))
                .extracting(JsonNode::asText)
                .containsExactly("https://pulse.example.com/accounts/acme");
        assertThat(post.body()).contains("ack acme/gone-silent");
    }

    @Test
    void prefersTheOwnersWebhookOverTheDefault() throws Exception {
        channel(Map.of("default", "/default", "Sarah.Chen@demo.pulse.dev", "/sarah"))
                .deliver(
                        Replies.delivery(
                                "teams", Replies.notification(OWNER, "acme/gone-silent", "Acme")));

        assertThat(posted).extracting(Posted::path).containsExactly("/sarah");
    }

    @Test
    void postsADigestAsOneCard() throws Exception {
        channel(Map.of("default", "/default"))
                .deliver(
                        Replies.delivery(
                                "teams",
                                Replies.notification(OWNER, "acme/gone-silent", "Acme Corp"),
                                Replies.notification(OWNER, "jasper/usage-drop", "Jasper Health")));

        assertThat(posted).hasSize(1);
        assertThat(JSON.readTree(posted.get(0).body()).path("attachments")).hasSize(1);
        assertThat(posted.get(0).body()).contains("Acme Corp").contains("Jasper Health");
    }

    @Test
    void waitsAsToldWhenRateLimited() {
        status = 429;
        headers = Map.of("Retry-After", "17");

        DeliveryException e = failedDelivery();

        assertThat(e.permanent()).isFalse();
        assertThat(e.retryAfter()).contains(Duration.ofSeconds(17));
    }

    @Test
    void aRejectedCardIsPermanentAndSaysWhy() {
        status = 400;
        answer = "{\"error\":{\"code\":\"InvalidRequestContent\",\"message\":\"bad card\"}}";

        DeliveryException e = failedDelivery();

        assertThat(e.permanent()).isTrue();
        assertThat(e.getMessage()).contains("400").contains("bad card").doesNotContain("/default");
    }

    @Test
    void aServerErrorIsRetried() {
        status = 502;

        DeliveryException e = failedDelivery();

        assertThat(e.permanent()).isFalse();
        assertThat(e.retryAfter()).isEmpty();
    }

    @Test
    void withoutAFittingWebhookTheDeliveryIsPermanentAndNamesTheKeys() {
        assertThatThrownBy(
                        () ->
                                channel(Map.of("someone.else@demo.pulse.dev", "/else"))
                                        .deliver(
                                                Replies.delivery(
                                                        "teams",
                                                        Replies.notification(
                                                                OWNER,
                                                                "acme/gone-silent",
                                                                "Acme"))))
                .isInstanceOfSatisfying(
                        DeliveryException.class, e -> assertThat(e.permanent()).isTrue())
                .hasMessageContaining("bot.teams.webhooks." + OWNER)
                .hasMessageContaining("bot.teams.webhooks.default");
        assertThat(posted).isEmpty();
    }

    /** Delivers one alert to the default webhook, expecting the fake Teams to refuse it. */
    private DeliveryException failedDelivery() {
        return catchThrowableOfType(
                DeliveryException.class,
                () ->
                        channel(Map.of("default", "/default"))
                                .deliver(
                                        Replies.delivery(
                                                "teams",
                                                Replies.notification(
                                                        OWNER, "acme/gone-silent", "Acme"))));
    }
}
