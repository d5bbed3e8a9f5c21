package dev.pulse.api.notifications;

import dev.pulse.api.http.BlockingReads;
import dev.pulse.api.http.JsonReply;
import dev.pulse.api.http.ProblemException;
import dev.pulse.api.http.RequestParams;
import dev.pulse.notify.NotifierTopics;
import dev.pulse.notify.model.Notification;
import dev.pulse.streams.ingest.EventPublisher;
import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;

/**
 * The caller's in-app feed: {@code GET /v1/notifications} (newest first, optionally unread only),
 * {@code POST /v1/notifications/{id}/read} and {@code POST /v1/notifications/read}. A person only
 * ever sees and marks their own notifications; read marks are published to the notifications topic,
 * so every instance's copy of the feed agrees.
 */
public final class NotificationsHandler {
    /** Path parameter holding the notification id. */
    public static final String ID = "id";

    private static final Pattern NOTIFICATION_ID = Pattern.compile("\\d{13}-[0-9a-f]{16}");
    private static final Duration RETRY_AFTER = Duration.ofSeconds(2);
    private static final int MAX_MARK_ALL = 1000;

    /** The answer of the feed. */
    record Feed(String user, long unread, int count, List<Notification> notifications) {}

    /** The answer of marking read. */
    record Marked(int marked, List<String> ids) {}

    private final NotificationAccess access;
    private final BlockingReads reads;
    private final EventPublisher publisher;
    private final Clock clock;

    public NotificationsHandler(
            NotificationAccess access, BlockingReads reads, EventPublisher publisher, Clock clock) {
        this.access = access;
        this.reads = reads;
        this.publisher = publisher;
        this.clock = clock;
    }

    public void list(RoutingContext ctx) {
        String user = Recipients.of(ctx, access);
        RequestParams params = RequestParams.of(ctx);
        boolean unreadOnly = params.optional("unread").map(Recipients::bool).orElse(false);
        int limit = params.integer("limit", 50, 1, 500);
        reads.respondJson(
                ctx,
                () -> {
                    List<Notification> items = access.feed().of(user, unreadOnly, limit);
                    return new Feed(user, access.feed().unreadCount(user), items.size(), items);
                });
    }

    public void markRead(RoutingContext ctx) {
        String user = Recipients.of(ctx, access);
        String id = ctx.pathParam(ID);
        if (id == null || !NOTIFICATION_ID.matcher(id).matches()) {
            ctx.fail(ProblemException.badParameter(ID, "is not a notification id"));
            return;
        }
        Instant now = clock.instant();
        reads.run(
                        () ->
                                access.feed()
                                        .find(user, id)
                                        .orElseThrow(
                                                () ->
                                                        ProblemException.notFound(
                                                                "you have no notification '"
                                                                        + id
                                                                        + "'")))
                .compose(
                        n -> n.read() ? Future.succeededFuture(n) : publish(ctx, n.markedRead(now)))
                .onSuccess(n -> JsonReply.send(ctx, 200, n))
                .onFailure(ctx::fail);
    }

    public void markAllRead(RoutingContext ctx) {
        String user = Recipients.of(ctx, access);
        Instant now = clock.instant();
        reads.run(() -> access.feed().of(user, true, MAX_MARK_ALL))
                .compose(
                        unread -> {
                            List<CompletableFuture<Void>> sends = new ArrayList<>();
                            for (Notification n : unread) {
                                sends.add(
                                        publisher.publish(
                                                NotifierTopics.NOTIFICATIONS,
                                                user,
                                                n.markedRead(now)));
                            }
                            return recorded(
                                    ctx,
                                    CompletableFuture.allOf(
                                            sends.toArray(CompletableFuture[]::new)),
                                    new Marked(
                                            unread.size(),
                                            unread.stream().map(Notification::id).toList()));
                        })
                .onSuccess(m -> JsonReply.send(ctx, 200, m))
                .onFailure(ctx::fail);
    }

    private Future<Notification> publish(RoutingContext ctx, Notification read) {
        return recorded(
                ctx, publisher.publish(NotifierTopics.NOTIFICATIONS, read.recipient(), read), read);
    }

    private static <T> Future<T> recorded(
            RoutingContext ctx, CompletableFuture<Void> send, T result) {
        return Future.fromCompletionStage(send, ctx.vertx().getOrCreateContext())
                .recover(
                        failure ->
                                Future.failedFuture(
                                        ProblemException.unavailable(
                                                "the read mark could not be recorded; retry",
                                                RETRY_AFTER)))
                .map(done -> result);
    }
}
