package dev.pulse.bot.slack;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.app_backend.interactive_components.response.ActionResponse;
import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;
import com.slack.api.app_backend.slash_commands.response.SlashCommandResponse;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.context.builtin.EventContext;
import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.MethodsConfig;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.methods.response.views.ViewsPublishResponse;
import com.slack.api.model.event.AppHomeOpenedEvent;
import com.slack.api.model.event.AppMentionEvent;
import com.slack.api.model.event.MessageEvent;
import com.slack.api.model.view.View;
import dev.pulse.access.security.UserDirectory;
import dev.pulse.bot.core.BotEngine;
import dev.pulse.bot.core.ChatUser;
import dev.pulse.bot.reply.BotReply;
import dev.pulse.bot.reply.ButtonAction;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Bolt app: {@code /pulse}, mentions, direct messages, alert buttons and the App Home, each
 * acknowledged at once and answered from a worker pool, because the engine may be slower than
 * Slack's 3-second deadline. The same app serves HTTP ({@link SlackHttpEndpoint}) and Socket Mode
 * ({@link SlackSocketMode}); Bolt verifies request signatures (signing secret, 5-minute window).
 */
public final class SlackBot implements AutoCloseable {
    static final String COMMAND = "/pulse";
    private static final Logger LOG = LoggerFactory.getLogger(SlackBot.class);
    private static final Pattern MENTION =
            Pattern.compile("^\\s*(<@[A-Z0-9]+(\\|[^>]*)?>[\\s,:]*)+");

    private final SlackSettings settings;
    private final BotEngine engine;
    private final Slack slack;
    private final MethodsClient client;
    private final SlackUsers users;
    private final ExecutorService workers;
    private final App app;

    SlackBot(SlackSettings settings, BotEngine engine, SlackUsers users, Slack slack) {
        this.settings = settings;
        this.engine = engine;
        this.slack = slack;
        this.client = slack.methods(settings.botToken());
        this.users = users;
        AtomicInteger n = new AtomicInteger();
        this.workers =
                Executors.newFixedThreadPool(
                        4,
                        r -> {
                            Thread t = new Thread(r, "pulse-slack-" + n.incrementAndGet());
                            t.setDaemon(true);
                            return t;
                        });
        this.app = new App(appConfig(settings, slack));
        register();
    }

    /**
     * The Slack client for {@code settings}: Web API calls go to {@code apiUrl}; no statistics
     * thread. Its sync methods client does not retry a 429 itself: it throws {@code
     * SlackApiException} with the response, whose {@code Retry-After} the notifier honours.
     */
    static Slack slack(SlackSettings settings) {
        SlackConfig config = new SlackConfig();
        config.setMethodsEndpointUrlPrefix(settings.apiUrl());
        MethodsConfig methods = new MethodsConfig();
        methods.setStatsEnabled(false);
        config.setMethodsConfig(methods);
        config.setHttpClientCallTimeoutMillis(15_000);
        return Slack.getInstance(config);
    }

    static SlackUsers users(SlackSettings settings, Slack slack, UserDirectory dir) {
        return new SlackUsers(slack.methods(settings.botToken()), dir, Clock.systemUTC());
    }

    private static AppConfig appConfig(SlackSettings settings, Slack slack) {
        return AppConfig.builder()
                .slack(slack)
                .signingSecret(settings.signingSecret())
                .singleTeamBotToken(settings.botToken())
                .build();
    }

    /** The Bolt app, for the HTTP endpoint and Socket Mode. */
    public App app() {
        return app;
    }

    private void register() {
        app.command(COMMAND, this::onCommand);
        app.event(AppMentionEvent.class, (payload, ctx) -> onMention(payload.getEvent(), ctx));
        app.event(MessageEvent.class, (payload, ctx) -> onMessage(payload.getEvent(), ctx));
        app.event(
                AppHomeOpenedEvent.class, (payload, ctx) -> onHomeOpened(payload.getEvent(), ctx));
        for (ButtonAction action : ButtonAction.values()) {
            app.blockAction(action.id(), (req, ctx) -> onButton(action, req, ctx));
        }
        // Slack sends an interaction for link buttons too; it only needs an acknowledgement.
        app.blockAction(
                Pattern.compile("^" + Pattern.quote(SlackRenderer.LINK_ACTION_PREFIX) + ".*"),
                (req, ctx) -> ctx.ack());
    }

    private Response onCommand(SlashCommandRequest req, SlashCommandContext ctx) {
        SlashCommandPayload payload = req.getPayload();
        later(
                "slash command",
                () -> {
                    ChatUser user = users.chatUser(payload.getUserId());
                    BotReply reply =
                            engine.ask(user, payload.getText() == null ? "" : payload.getText());
                    if (reply.file() != null) {
                        // A response URL carries no files: the file goes into the conversation.
                        SlackUploads.upload(
                                client,
                                payload.getChannelId(),
                                null,
                                reply.file(),
                                SlackRenderer.fallbackText(reply));
                        return;
                    }
                    ctx.respond(
                            SlashCommandResponse.builder()
                                    .responseType(reply.visibleToAll() ? "in_channel" : "ephemeral")
                                    .text(SlackRenderer.fallbackText(reply))
                                    .blocks(SlackRenderer.render(reply))
                                    .build());
                });
        return ctx.ack();
    }

    private Response onMention(AppMentionEvent event, EventContext ctx) {
        if (event.getBotId() != null || event.getUser() == null) {
            return ctx.ack();
        }
        String thread = event.getThreadTs() != null ? event.getThreadTs() : event.getTs();
        later(
                "mention",
                () -> answer(event.getUser(), event.getChannel(), thread, event.getText()));
        return ctx.ack();
    }

    private Response onMessage(MessageEvent event, EventContext ctx) {
        // Only a person's own new message in a DM: not bots (our own answers), not edits.
        if (!"im".equals(event.getChannelType())
                || event.getBotId() != null
                || event.getSubtype() != null
                || event.getUser() == null) {
            return ctx.ack();
        }
        later(
                "direct message",
                () -> answer(event.getUser(), event.getChannel(), null, event.getText()));
        return ctx.ack();
    }

    private void answer(String userId, String channel, String threadTs, String text)
            throws Exception {
        ChatUser user = users.chatUser(userId);
        String question = MENTION.matcher(text == null ? "" : text).replaceFirst("").strip();
        BotReply reply = engine.ask(user, question);
        if (reply.file() != null) {
            SlackUploads.upload(
                    client, channel, threadTs, reply.file(), SlackRenderer.fallbackText(reply));
            return;
        }
        ChatPostMessageResponse posted =
                client.chatPostMessage(
                        r ->
                                r.channel(channel)
                                        .threadTs(threadTs)
                                        .text(SlackRenderer.fallbackText(reply))
                                        .blocks(SlackRenderer.render(reply)));
        if (!posted.isOk()) {
            LOG.warn("Slack chat.postMessage to {} failed: {}", channel, posted.getError());
        }
    }

    private Response onButton(ButtonAction action, BlockActionRequest req, ActionContext ctx) {
        BlockActionPayload payload = req.getPayload();
        String value =
                payload.getActions().stream()
                        .filter(a -> action.id().equals(a.getActionId()))
                        .map(BlockActionPayload.Action::getValue)
                        .findFirst()
                        .orElse(null);
        String userId = payload.getUser().getId();
        later(
                "button " + action.id(),
                () -> {
                    BotReply reply = engine.press(users.chatUser(userId), action, value);
                    // A new message: the alert and its buttons stay for whoever else reads it.
                    ctx.respond(
                            ActionResponse.builder()
                                    .responseType(reply.visibleToAll() ? "in_channel" : "ephemeral")
                                    .replaceOriginal(false)
                                    .text(SlackRenderer.fallbackText(reply))
                                    .blocks(SlackRenderer.render(reply))
                                    .build());
                });
        return ctx.ack();
    }

    private Response onHomeOpened(AppHomeOpenedEvent event, EventContext ctx) {
        if (event.getTab() != null && !"home".equals(event.getTab())) {
            return ctx.ack();
        }
        String userId = event.getUser();
        later(
                "app home",
                () -> {
                    BotReply home = engine.home(users.chatUser(userId));
                    View view =
                            View.builder().type("home").blocks(SlackRenderer.render(home)).build();
                    ViewsPublishResponse published =
                            client.viewsPublish(r -> r.userId(userId).view(view));
                    if (!published.isOk()) {
                        LOG.warn(
                                "Slack views.publish for {} failed: {}",
                                userId,
                                published.getError());
                    }
                });
        return ctx.ack();
    }

    private void later(String what, Work work) {
        try {
            workers.execute(
                    () -> {
                        try {
                            work.run();
                        } catch (Exception e) {
                            LOG.warn("Slack {} could not be answered", what, e);
                        }
                    });
        } catch (RejectedExecutionException e) {
            LOG.warn("Slack {} dropped: the bot is shutting down", what);
        }
    }

    @Override
    public void close() {
        workers.shutdown();
        try {
            if (!workers.awaitTermination(5, TimeUnit.SECONDS)) {
                workers.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            workers.shutdownNow();
        }
        try {
            app.stop();
        } catch (Exception e) {
            LOG.debug("Bolt app stop failed", e);
        }
        try {
            slack.close();
        } catch (Exception e) {
            LOG.debug("Slack client close failed", e);
        }
    }

    @FunctionalInterface
    private interface Work {
        void run() throws Exception;
    }
}
