package dev.pulse.bot.slack;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import dev.pulse.bot.core.AlertReplies;
import dev.pulse.bot.reply.Block;
import dev.pulse.bot.reply.BotReply;
import dev.pulse.bot.reply.ReplyFile;
import dev.pulse.notify.channel.Channel;
import dev.pulse.notify.channel.DeliveryException;
import dev.pulse.notify.channel.ReportFiles;
import dev.pulse.notify.model.Delivery;
import dev.pulse.notify.model.Notification;
import dev.pulse.notify.model.ReportRun;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The notifier's {@code slack} channel: an alert as a direct message to its recipient (the alert's
 * blocks with Acknowledge, Snooze, Create follow-up and Open account), and each alert change once
 * to every configured alert channel. A digest delivery is one DM with a header and each alert.
 *
 * <p>Failures are mapped for the notifier's retry: HTTP 429 becomes {@link
 * DeliveryException#retryAfter} with Slack's {@code Retry-After} (the SDK's sync client does not
 * retry by itself, it throws {@link SlackApiException} carrying the response); network errors and
 * 5xx are transient; errors retrying cannot fix ({@code users_not_found}, {@code
 * channel_not_found}, {@code not_in_channel}, {@code invalid_auth}, ...) are permanent. Targets
 * already posted are remembered, so a retry after a partial failure does not post them twice.
 *
 * <p>A scheduled report run is uploaded as a file into the owner's direct messages ({@link
 * SlackUploads}), rendered on this worker through {@link ReportFiles}.
 */
public final class SlackAlertChannel implements Channel {
    static final String NAME = "slack";
    private static final Set<String> PERMANENT =
            Set.of(
                    "users_not_found",
                    "user_not_found",
                    "channel_not_found",
                    "not_in_channel",
                    "is_archived",
                    "invalid_auth",
                    "not_authed",
                    "account_inactive",
                    "token_revoked",
                    "token_expired",
                    "no_permission",
                    "missing_scope",
                    "cannot_dm_bot",
                    "user_disabled",
                    "invalid_blocks",
                    "invalid_arguments",
                    "msg_too_long",
                    "no_text");
    private static final int REMEMBER = 10_000;

    private final MethodsClient client;
    private final SlackUsers users;
    private final List<String> alertChannels;
    private final String linkBaseUrl;
    private final Cache<String, Boolean> posted =
            Caffeine.newBuilder().maximumSize(REMEMBER).build();

    private final ReportFiles reports;

    SlackAlertChannel(
            MethodsClient client, SlackUsers users, SlackSettings settings, ReportFiles reports) {
        this.client = client;
        this.reports = reports;
        this.users = users;
        this.alertChannels = settings.alertChannels();
        this.linkBaseUrl = settings.linkBaseUrl();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void deliver(Delivery delivery) throws DeliveryException {
        ReportRun run = delivery.notifications().get(0).report();
        if (run != null) {
            deliverReport(delivery, run);
            return;
        }
        List<DeliveryException> failures = new ArrayList<>();
        try {
            directMessage(delivery);
        } catch (DeliveryException e) {
            failures.add(e);
        }
        for (String channel : alertChannels) {
            for (Notification n : delivery.notifications()) {
                String key =
                        "channel:"
                                + channel
                                + ":"
                                + n.alertId()
                                + ":"
                                + n.reason()
                                + ":"
                                + n.alertChangedAt();
                try {
                    postOnce(key, channel, AlertReplies.of(n, linkBaseUrl));
                } catch (DeliveryException e) {
                    failures.add(e);
                }
            }
        }
        if (!failures.isEmpty()) {
            // Retry if anything can still succeed; already posted targets are skipped then.
            throw failures.stream()
                    .filter(e -> e.retryAfter().isPresent())
                    .findFirst()
                    .or(() -> failures.stream().filter(e -> !e.permanent()).findFirst())
                    .orElse(failures.get(0));
        }
    }

    /** A scheduled report: uploaded into the owner's direct messages with the bot, once. */
    private void deliverReport(Delivery delivery, ReportRun run) throws DeliveryException {
        String key = "report:" + delivery.id();
        if (posted.getIfPresent(key) != null) {
            return;
        }
        String userId = slackUser(delivery);
        ReportFiles.ReportFile file = reports.file(run);
        try {
            SlackUploads.upload(
                    client,
                    SlackUploads.directMessage(client, userId),
                    null,
                    new ReplyFile(file.fileName(), file.mediaType(), file.bytes()),
                    "📄 " + run.title());
        } catch (IOException | SlackApiException | SlackErrorException e) {
            throw failure("report upload to " + delivery.recipient(), e);
        }
        posted.put(key, Boolean.TRUE);
    }

    private String slackUser(Delivery delivery) throws DeliveryException {
        Optional<String> userId;
        try {
            userId = users.slackIdOf(delivery.recipient());
        } catch (IOException | SlackApiException | SlackErrorException e) {
            throw failure("users.lookupByEmail for " + delivery.recipient(), e);
        }
        if (userId.isEmpty()) {
            throw DeliveryException.permanent(
                    "no Slack user for "
                            + delivery.recipient()
                            + " (users_not_found; declare 'chat: {slack: U…}' in users.yaml)",
                    null);
        }
        return userId.get();
    }

    private void directMessage(Delivery delivery) throws DeliveryException {
        postOnce("dm:" + delivery.id(), slackUser(delivery), message(delivery));
    }

    private BotReply message(Delivery delivery) {
        List<Notification> notifications = delivery.notifications();
        if (notifications.size() == 1) {
            return AlertReplies.of(notifications.get(0), linkBaseUrl);
        }
        String title = "Pulse digest: " + notifications.size() + " alerts";
        List<Block> blocks = new ArrayList<>(List.of(new Block.Header(title)));
        StringBuilder text = new StringBuilder(title);
        for (Notification n : notifications) {
            BotReply one = AlertReplies.of(n, linkBaseUrl);
            blocks.addAll(one.blocks());
            text.append("\n\n").append(one.text());
        }
        return new BotReply(text.toString(), blocks, false);
    }

    /** Posts unless this target was already posted (an earlier attempt that partly failed). */
    private void postOnce(String key, String channel, BotReply reply) throws DeliveryException {
        if (posted.getIfPresent(key) != null) {
            return;
        }
        ChatPostMessageResponse response;
        try {
            response =
                    client.chatPostMessage(
                            r ->
                                    r.channel(channel)
                                            .text(SlackRenderer.fallbackText(reply))
                                            .blocks(SlackRenderer.render(reply))
                                            .unfurlLinks(false));
        } catch (IOException | SlackApiException e) {
            throw failure("chat.postMessage to " + channel, e);
        }
        if (!response.isOk()) {
            throw failure(
                    "chat.postMessage to " + channel,
                    new SlackErrorException("chat.postMessage", response.getError()));
        }
        posted.put(key, Boolean.TRUE);
    }

    static DeliveryException failure(String what, Exception e) {
        if (e instanceof SlackApiException api) {
            int status = api.getResponse() == null ? 0 : api.getResponse().code();
            if (status == 429) {
                return DeliveryException.retryAfter("Slack rate limit on " + what, retryAfter(api));
            }
            if (api.getError() != null && PERMANENT.contains(api.getError().getError())) {
                return DeliveryException.permanent(
                        "Slack " + what + ": " + api.getError().getError(), e);
            }
            return DeliveryException.transientFailure("Slack " + what + ": HTTP " + status, e);
        }
        if (e instanceof SlackErrorException error) {
            if (PERMANENT.contains(error.error())) {
                return DeliveryException.permanent("Slack " + what + ": " + error.error(), e);
            }
            return DeliveryException.transientFailure("Slack " + what + ": " + error.error(), e);
        }
        return DeliveryException.transientFailure("Slack " + what + ": " + e, e);
    }

    private static Duration retryAfter(SlackApiException e) {
        String header = e.getResponse().header("Retry-After");
        try {
            long seconds = header == null ? 1 : Long.parseLong(header.strip());
            return Duration.ofSeconds(Math.max(1, seconds));
        } catch (NumberFormatException bad) {
            return Duration.ofSeconds(1);
        }
    }
}
