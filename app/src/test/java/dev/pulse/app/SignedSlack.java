package dev.pulse.app;

import dev.pulse.bot.slack.SlackSigner;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** Requests to a running Pulse's Slack endpoint, signed exactly as Slack signs them. */
final class SignedSlack {
    private SignedSlack() {}

    static HttpResponse<String> send(int port, String body, String secret, long timestamp)
            throws Exception {
        HttpRequest request =
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/slack/events"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("X-Slack-Request-Timestamp", String.valueOf(timestamp))
                        .header("X-Slack-Signature", SlackSigner.signature(secret, timestamp, body))
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }
}
