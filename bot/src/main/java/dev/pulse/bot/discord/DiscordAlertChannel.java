package dev.pulse.bot.discord;

import dev.pulse.access.security.DirectoryUser;
import dev.pulse.access.security.UserDirectory;
import dev.pulse.bot.core.DeliveryReplies;
import dev.pulse.bot.reply.BotReply;
import dev.pulse.notify.channel.Channel;
import dev.pulse.notify.channel.DeliveryException;
import dev.pulse.notify.channel.ReportFiles;
import dev.pulse.notify.model.Delivery;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.entities.User;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.exceptions.RateLimitedException;
import net.dv8tion.jda.api.requests.ErrorResponse;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;

/**
 * The {@code discord} push channel: sends an alert (or a digest, as one message) as a direct
 * message to the recipient, found by {@code chat: {discord: <user id>}} in the user directory.
 *
 * <p>Failures: Discord refusing the DM (unknown user, DMs closed, no shared server) is permanent;
 * rate limits wait as Discord says; server errors, timeouts and network errors are retried.
 */
public final class DiscordAlertChannel implements Channel {
    /** The channel name people put in their notification preferences. */
    public static final String NAME = "discord";

    static final Duration SEND_TIMEOUT = Duration.ofSeconds(15);

    /** Sends a direct message; the JDA implementation is {@link #viaJda}. */
    @FunctionalInterface
    interface DirectMessages {
        CompletableFuture<?> send(String userId, MessageCreateData message);
    }

    private final UserDirectory directory;
    private final DiscordRenderer renderer;
    private final DirectMessages messages;
    private final String linkBaseUrl;
    private final Duration timeout;
    private ReportFiles reports = ReportFiles.NONE;

    /** Scheduled reports rendered by {@code files}, sent as attachments of the DM. */
    DiscordAlertChannel withReports(ReportFiles files) {
        this.reports = files;
        return this;
    }

    DiscordAlertChannel(
            UserDirectory directory,
            DiscordRenderer renderer,
            DirectMessages messages,
            String linkBaseUrl,
            Duration timeout) {
        this.directory = directory;
        this.renderer = renderer;
        this.messages = messages;
        this.linkBaseUrl = linkBaseUrl;
        this.timeout = timeout;
    }

    static DirectMessages viaJda(JDA jda) {
        return (userId, message) ->
                jda.retrieveUserById(userId)
                        .flatMap(User::openPrivateChannel)
                        .flatMap(channel -> channel.sendMessage(message))
                        .submit();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void deliver(Delivery delivery) throws DeliveryException {
        String userId =
                directory
                        .find(delivery.recipient())
                        .map(DirectoryUser::chatIds)
                        .map(ids -> ids.get(DiscordInteractions.PLATFORM))
                        .filter(id -> !id.isBlank())
                        .orElseThrow(
                                () ->
                                        DeliveryException.permanent(
                                                "no Discord id for "
                                                        + delivery.recipient()
                                                        + ": add 'chat: {discord: <user id>}' to"
                                                        + " their entry in config/users.yaml"
                                                        + " (Discord: Developer Mode, right-click"
                                                        + " the user, Copy User ID)",
                                                null));
        List<BotReply> replies = DeliveryReplies.of(delivery, linkBaseUrl, reports);
        MessageCreateData message = renderer.render(replies);
        CompletableFuture<?> sent;
        try {
            sent = messages.send(userId, message);
        } catch (RuntimeException e) {
            throw classify(userId, e);
        }
        try {
            sent.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            sent.cancel(true);
            throw DeliveryException.transientFailure(
                    "Discord DM to " + userId + " took longer than " + timeout, e);
        } catch (ExecutionException e) {
            throw classify(userId, e.getCause());
        } catch (CancellationException e) {
            throw DeliveryException.transientFailure("Discord DM to " + userId + " cancelled", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw DeliveryException.transientFailure("interrupted sending a Discord DM", e);
        }
    }

    static DeliveryException classify(String userId, Throwable failure) {
        String what = "Discord DM to " + userId + " failed: " + failure.getMessage();
        if (failure instanceof RateLimitedException limited) {
            return DeliveryException.retryAfter(
                    what, Duration.ofMillis(Math.max(0, limited.getRetryAfter())));
        }
        if (failure instanceof ErrorResponseException error) {
            if (error.isServerError()) {
                return DeliveryException.transientFailure(what, error);
            }
            ErrorResponse response = error.getErrorResponse();
            if (response == ErrorResponse.UNKNOWN_USER
                    || response == ErrorResponse.CANNOT_SEND_TO_USER
                    || response == ErrorResponse.UNKNOWN_CHANNEL
                    || response == ErrorResponse.INVALID_FORM_BODY
                    || response == ErrorResponse.MISSING_ACCESS) {
                return DeliveryException.permanent(what, error);
            }
            int status = error.getResponse() == null ? -1 : error.getResponse().code;
            if (status >= 400 && status < 500 && status != 429 && status != 408) {
                return DeliveryException.permanent(what, error);
            }
            return DeliveryException.transientFailure(what, error);
        }
        if (failure instanceof IllegalArgumentException) {
            // JDA's argument checks (e.g. not a snowflake id): the directory entry is wrong
            return DeliveryException.permanent(
                    what + " (check chat.discord in config/users.yaml)", failure);
        }
        return DeliveryException.transientFailure(what, failure);
    }
}
