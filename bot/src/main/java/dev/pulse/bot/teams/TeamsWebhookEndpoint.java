package dev.pulse.bot.teams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.pulse.bot.core.BotEngine;
import dev.pulse.bot.core.ChatUser;
import dev.pulse.bot.reply.BotReply;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.apache.commons.text.StringEscapeUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /teams/messages}: a Teams outgoing webhook. Verifies the HMAC signature over the raw
 * body before reading anything else (401 when missing or wrong), turns the activity into a question
 * for the {@link BotEngine} (run off the event loop) and answers with an Adaptive Card.
 *
 * <p>Teams waits five seconds. When the engine takes longer than the reply timeout, Teams gets a
 * short "still working" text instead of an error; an outgoing webhook cannot post later, so the
 * asker asks again.
 *
 * <p>Teams signs no timestamp header, but the signed body carries the activity's {@code timestamp}
 * and {@code id}: a body older than five minutes, or an id already answered, is refused as a
 * replay.
 */
public final class TeamsWebhookEndpoint implements Handler<RoutingContext> {
    /** Where Teams posts; give this URL (with the public host) as the webhook's callback URL. */
    public static final String PATH = "/teams/messages";

    /** Teams activities are small; anything near this is not one. */
    static final long BODY_LIMIT_BYTES = 64 * 1024;

    static final String STILL_WORKING =
            "Still working on it… Teams only waits a few seconds; ask again in a moment.";

    private static final Logger LOG = LoggerFactory.getLogger(TeamsWebhookEndpoint.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration REPLAY_WINDOW = Duration.ofMinutes(5);
    private static final int REMEMBERED_IDS = 2048;
    private static final Pattern MENTION =
            Pattern.compile("<at\\b[^>]*>.*?</at>", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern TAG = Pattern.compile("<[^>]*>");
    private static final Pattern BREAK =
            Pattern.compile("<br\\s*/?>|</p>|</div>", Pattern.CASE_INSENSITIVE);

    private final TeamsSignature signature;
    private final BotEngine engine;
    private final AdaptiveCardRenderer renderer;
    private final Duration replyTimeout;
    private final Clock clock;
    private final Cache<String, Boolean> answered =
            Caffeine.newBuilder().maximumSize(REMEMBERED_IDS).build();

    private final TeamsFiles files;

    public TeamsWebhookEndpoint(
            TeamsSettings settings, BotEngine engine, AdaptiveCardRenderer renderer, Clock clock) {
        this(settings, engine, renderer, clock, new TeamsFiles(settings.linkBaseUrl(), clock));
    }

    /**
     * @param files keeps the files of answers (reports) behind signed download links
     */
    public TeamsWebhookEndpoint(
            TeamsSettings settings,
            BotEngine engine,
            AdaptiveCardRenderer renderer,
            Clock clock,
            TeamsFiles files) {
        this.files = files;
        if (!settings.acceptsCommands()) {
            throw new IllegalArgumentException(
                    "bot.teams.outgoing-webhook-secret is empty: no outgoing webhook to serve");
        }
        this.signature = new TeamsSignature(settings.hmacKey());
        this.engine = engine;
        this.renderer = renderer;
        this.replyTimeout = settings.replyTimeout();
        this.clock = clock;
    }

    /** Mounts the endpoint with its own small body handler. */
    public void mount(io.vertx.ext.web.Router router) {
        router.post(PATH)
                .handler(BodyHandler.create(false).setBodyLimit(BODY_LIMIT_BYTES))
                .handler(this);
    }

    @Override
    public void handle(RoutingContext ctx) {
        Buffer raw = ctx.body().buffer();
        byte[] body = raw == null ? new byte[0] : raw.getBytes();
        String authorization = ctx.request().getHeader("Authorization");
        if (authorization == null) {
            error(ctx, 401, "missing Authorization header (HMAC signature)");
            return;
        }
        if (!signature.verify(authorization, body)) {
            LOG.warn(
                    "Teams request with a bad HMAC signature from {}",
                    ctx.request().remoteAddress());
            error(ctx, 401, "bad HMAC signature");
            return;
        }
        JsonNode activity;
        try {
            activity = JSON.readTree(body);
        } catch (IOException e) {
            error(ctx, 400, "body is not JSON");
            return;
        }
        if (activity == null || !activity.isObject()) {
            error(ctx, 400, "body is not a Teams activity");
            return;
        }
        if (stale(activity.path("timestamp").asText(null))) {
            error(ctx, 401, "activity timestamp is outside the replay window");
            return;
        }
        if (!firstTime(activity.path("id").asText(null))) {
            error(ctx, 409, "activity already answered");
            return;
        }
        JsonNode from = activity.path("from");
        String userId = from.path("aadObjectId").asText("");
        if (userId.isBlank()) {
            userId = from.path("id").asText("");
        }
        if (userId.isBlank()) {
            error(ctx, 400, "activity has no sender (from.aadObjectId / from.id)");
            return;
        }
        ChatUser user = new ChatUser("teams", userId, from.path("name").asText(null), null);
        String text = plainText(activity.path("text").asText(""));

        Future<BotReply> answer = ctx.vertx().executeBlocking(() -> engine.ask(user, text), false);
        answer.timeout(replyTimeout.toMillis(), TimeUnit.MILLISECONDS)
                .onComplete(
                        done -> {
                            if (done.succeeded()) {
                                reply(
                                        ctx,
                                        renderer.message(
                                                renderer.card(
                                                        files.withDownloadLink(done.result()))));
                            } else if (!answer.isComplete()) {
                                LOG.info(
                                        "Teams command took longer than {}; answered 'still"
                                                + " working'",
                                        replyTimeout);
                                reply(ctx, AdaptiveCardRenderer.textMessage(STILL_WORKING));
                            } else {
                                LOG.error("Teams command failed", done.cause());
                                reply(
                                        ctx,
                                        AdaptiveCardRenderer.textMessage(
                                                "Sorry, something went wrong on Pulse's side."));
                            }
                        });
    }

    /** The message as typed: without the mention of the webhook, HTML tags and entities. */
    static String plainText(String html) {
        String text = MENTION.matcher(html).replaceAll(" ");
        text = BREAK.matcher(text).replaceAll("\n");
        text = TAG.matcher(text).replaceAll("");
        text = StringEscapeUtils.unescapeHtml4(text).replace('\u00a0', ' ');
        return text.strip();
    }

    private boolean stale(String timestamp) {
        if (timestamp == null || timestamp.isBlank()) {
            return false;
        }
        Instant at;
        try {
            at = OffsetDateTime.parse(timestamp).toInstant();
        } catch (DateTimeParseException e) {
            return false;
        }
        Duration age = Duration.between(at, clock.instant()).abs();
        return age.compareTo(REPLAY_WINDOW) > 0;
    }

    private boolean firstTime(String id) {
        if (id == null || id.isBlank()) {
            return true;
        }
        return answered.asMap().putIfAbsent(id, Boolean.TRUE) == null;
    }

    private static void reply(RoutingContext ctx, ObjectNode message) {
        if (ctx.response().ended()) {
            return;
        }
        ctx.response()
                .setStatusCode(200)
                .putHeader("Content-Type", "application/json; charset=utf-8")
                .end(message.toString());
    }

    private static void error(RoutingContext ctx, int status, String message) {
        ObjectNode body = JSON.createObjectNode().put("error", message);
        ctx.response()
                .setStatusCode(status)
                .putHeader("Content-Type", "application/json; charset=utf-8")
                .end(body.toString());
    }
}
