package dev.pulse.api.notifications;

import dev.pulse.access.live.LiveScores;
import dev.pulse.access.security.AccessPolicy;
import dev.pulse.access.security.Principal;
import dev.pulse.api.auth.RequestAccess;
import dev.pulse.api.http.BlockingReads;
import dev.pulse.notify.model.Notification;
import dev.pulse.topologies.health.HealthScore;
import dev.pulse.topologies.json.PulseJson;
import io.vertx.core.Context;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /v1/notifications/stream}: the caller's feed as Server-Sent Events. Each new or
 * changed notification is one event ({@code event: notification}, {@code id:} the notification id,
 * {@code data:} its JSON). A client reconnecting with {@code Last-Event-ID} first gets what it
 * missed; a comment every {@code heartbeat} keeps proxies from closing an idle stream.
 *
 * <p>When the instance follows live scores, the stream also carries {@code event: score} (no id: a
 * missed score is not replayed, the next one supersedes it) with the newest score of each account
 * in the caller's scope that changed, at most about once a second per account, so an open portfolio
 * updates without a reload.
 */
public final class NotificationStreamHandler implements Handler<RoutingContext> {
    private static final Logger LOG = LoggerFactory.getLogger(NotificationStreamHandler.class);
    private static final int MAX_REPLAY = 200;

    private final NotificationAccess access;
    private final BlockingReads reads;
    private final Duration heartbeat;
    private final AccessPolicy policy;

    public NotificationStreamHandler(
            NotificationAccess access,
            BlockingReads reads,
            Duration heartbeat,
            AccessPolicy policy) {
        this.access = access;
        this.reads = reads;
        this.heartbeat = heartbeat;
        this.policy = policy;
    }

    @Override
    public void handle(RoutingContext ctx) {
        String user = Recipients.of(ctx, access);
        String lastEventId = ctx.request().getHeader("Last-Event-ID");
        Context context = ctx.vertx().getOrCreateContext();
        HttpServerResponse response = ctx.response();
        response.setChunked(true)
                .putHeader("Content-Type", "text/event-stream; charset=utf-8")
                .putHeader("Cache-Control", "no-cache")
                .putHeader("X-Accel-Buffering", "no")
                .setStatusCode(200);
        response.write("retry: 3000\n: stream of " + user + "\n\n");
        // Subscribe before reading what was missed, so nothing falls between the two.
        AutoCloseable subscription =
                access.bus().subscribe(user, n -> context.runOnContext(v -> send(response, n)));
        AutoCloseable scores = subscribeScores(ctx, context, response);
        long timer =
                ctx.vertx()
                        .setPeriodic(
                                heartbeat.toMillis(),
                                id -> {
                                    if (!response.closed() && !response.ended()) {
                                        response.write(": keep-alive\n\n");
                                    }
                                });
        response.closeHandler(
                v -> {
                    ctx.vertx().cancelTimer(timer);
                    close(subscription);
                    close(scores);
                });
        if (lastEventId != null && !lastEventId.isBlank()) {
            reads.run(() -> missed(user, lastEventId))
                    .onSuccess(list -> list.forEach(n -> send(response, n)))
                    .onFailure(e -> LOG.warn("Replay for {} failed: {}", user, e.toString()));
        }
    }

    private AutoCloseable subscribeScores(
            RoutingContext ctx, Context context, HttpServerResponse response) {
        LiveScores live = access.scores();
        if (live == null) {
            return () -> {};
        }
        Principal principal = RequestAccess.principal(ctx);
        return live.subscribe(
                () -> policy.scopeFor(principal),
                batch -> context.runOnContext(v -> batch.forEach(s -> sendScore(response, s))));
    }

    private List<Notification> missed(String user, String lastEventId) {
        List<Notification> newestFirst = access.feed().of(user, false, MAX_REPLAY);
        return newestFirst.stream()
                .filter(n -> n.id().compareTo(lastEventId) > 0)
                .sorted((a, b) -> a.id().compareTo(b.id()))
                .toList();
    }

    private static void send(HttpServerResponse response, Notification n) {
        write(response, "id: " + n.id() + "\nevent: notification\ndata: ", n);
    }

    private static void sendScore(HttpServerResponse response, HealthScore score) {
        write(response, "event: score\ndata: ", ScoreEvent.of(score));
    }

    private static void write(HttpServerResponse response, String head, Object data) {
        if (response.closed() || response.ended()) {
            return;
        }
        if (response.writeQueueFull()) {
            // A client that does not read gets disconnected; it reconnects with Last-Event-ID.
            response.reset();
            return;
        }
        String json;
        try {
            json = PulseJson.mapper().writeValueAsString(data);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
        response.write(head + json + "\n\n");
    }

    private static void close(AutoCloseable subscription) {
        try {
            subscription.close();
        } catch (Exception e) {
            LOG.debug("Unsubscribing failed", e);
        }
    }
}
