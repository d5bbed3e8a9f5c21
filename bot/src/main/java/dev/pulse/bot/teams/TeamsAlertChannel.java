package dev.pulse.bot.teams;

import dev.pulse.bot.core.DeliveryReplies;
import dev.pulse.bot.reply.BotReply;
import dev.pulse.notify.channel.Channel;
import dev.pulse.notify.channel.DeliveryException;
import dev.pulse.notify.channel.ReportFiles;
import dev.pulse.notify.model.Delivery;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code teams} push channel: posts an alert (or a digest of several, as one card) as an
 * Adaptive Card to the recipient's incoming webhook or Workflows URL — the recipient's own if
 * {@code bot.teams.webhooks} names their e-mail, else the {@code default} one.
 *
 * <p>Failures: HTTP 429 is retried after the server's {@code Retry-After}; 5xx, timeouts and
 * network errors are retried with backoff; any other 4xx (a removed or malformed webhook) is
 * permanent. Webhooks take no idempotency key, so a retry after a lost response can post the card
 * twice; the outbox keeps that to the rare case.
 */
public final class TeamsAlertChannel implements Channel {
    /** The channel name people put in their notification preferences. */
    public static final String NAME = "teams";

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(15);
    private static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(30);
    private static final int EXCERPT = 300;

    private final TeamsSettings settings;
    private final AdaptiveCardRenderer renderer;
    private final HttpClient http;

    /** A scheduled report's link lasts a day: people read channel posts later than answers. */
    static final Duration SCHEDULED_LINK_TTL = Duration.ofDays(1);

    private final Clock clock;
    private ReportFiles reports = ReportFiles.NONE;
    private TeamsFiles files;

    public TeamsAlertChannel(TeamsSettings settings, AdaptiveCardRenderer renderer, Clock clock) {
        this(
                settings,
                renderer,
                HttpClient.newBuilder()
                        .connectTimeout(CONNECT_TIMEOUT)
                        .followRedirects(HttpClient.Redirect.NEVER)
                        .build(),
                clock);
    }

    TeamsAlertChannel(
            TeamsSettings settings, AdaptiveCardRenderer renderer, HttpClient http, Clock clock) {
        this.files = new TeamsFiles(settings.linkBaseUrl(), clock);
        this.settings = settings;
        this.renderer = renderer;
        this.http = http;
        this.clock = clock;
    }

    /** Scheduled reports rendered by {@code reports}, linked through {@code files}. */
    TeamsAlertChannel withReports(ReportFiles reports, TeamsFiles files) {
        this.reports = reports;
        this.files = files;
        return this;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void deliver(Delivery delivery) throws DeliveryException {
        URI webhook =
                settings.webhookFor(delivery.recipient())
                        .orElseThrow(
                                () ->
                                        DeliveryException.permanent(
                                                "no Teams webhook for "
                                                        + delivery.recipient()
                                                        + ": set bot.teams.webhooks."
                                                        + delivery.recipient()
                                                        + " or bot.teams.webhooks."
                                                        + TeamsSettings.DEFAULT_KEY,
                                                null));
        List<BotReply> replies = new ArrayList<>();
        for (BotReply reply : DeliveryReplies.of(delivery, settings.linkBaseUrl(), reports)) {
            // A Workflows webhook takes no files: a scheduled report comes as a download link.
            replies.add(files.withDownloadLink(reply, SCHEDULED_LINK_TTL));
        }
        String body = renderer.message(renderer.card(replies)).toString();
        HttpRequest request =
                HttpRequest.newBuilder(webhook)
                        .timeout(REQUEST_TIMEOUT)
                        .header("Content-Type", "application/json; charset=utf-8")
                        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                        .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw DeliveryException.transientFailure(
                    "Teams webhook " + host(webhook) + " unreachable: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw DeliveryException.transientFailure("interrupted posting to Teams", e);
        }
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return;
        }
        String what = "Teams webhook " + host(webhook) + " answered " + status;
        if (status == 429) {
            throw DeliveryException.retryAfter(
                    what, retryAfter(response.headers().firstValue("Retry-After").orElse(null)));
        }
        if (status >= 500 || status == 408) {
            throw DeliveryException.transientFailure(what + ": " + excerpt(response.body()), null);
        }
        throw DeliveryException.permanent(what + ": " + excerpt(response.body()), null);
    }

    /** Seconds or an HTTP date; a missing or odd value waits a default half minute. */
    Duration retryAfter(String header) {
        if (header == null || header.isBlank()) {
            return DEFAULT_RETRY_AFTER;
        }
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(header.strip())));
        } catch (NumberFormatException e) {
            try {
                ZonedDateTime at =
                        ZonedDateTime.parse(header.strip(), DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration wait = Duration.between(clock.instant(), at.toInstant());
                return wait.isNegative() ? Duration.ZERO : wait;
            } catch (DateTimeParseException ignored) {
                return DEFAULT_RETRY_AFTER;
            }
        }
    }

    /** The URL's path and query are a secret; only the host goes into messages and logs. */
    private static String host(URI webhook) {
        return webhook.getHost();
    }

    private static String excerpt(String body) {
        if (body == null || body.isBlank()) {
            return "(empty body)";
        }
        String flat = body.strip().replaceAll("\\s+", " ");
        return flat.length() <= EXCERPT ? flat : flat.substring(0, EXCERPT) + "…";
    }
}
