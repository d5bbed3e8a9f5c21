package dev.pulse.api.notifications;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pulse.api.http.BlockingReads;
import dev.pulse.api.http.JsonBodies;
import dev.pulse.api.http.JsonReply;
import dev.pulse.api.http.ProblemException;
import dev.pulse.notify.NotifierTopics;
import dev.pulse.notify.model.NotificationPreferences;
import dev.pulse.notify.model.QuietHours;
import dev.pulse.streams.ingest.EventPublisher;
import dev.pulse.topologies.alert.Severity;
import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * {@code GET|PUT /v1/me/notification-preferences}: which severities, which channels, quiet hours
 * and digest of the caller. PUT replaces the whole document; a field left out keeps its current
 * value. Saved preferences go to the compacted preferences topic, which every instance reads.
 */
public final class PreferencesHandler {
    private static final Set<String> FIELDS =
            Set.of("severities", "channels", "quietHours", "digest", "digestAt", "timeZone");
    private static final Duration RETRY_AFTER = Duration.ofSeconds(2);

    private final NotificationAccess access;
    private final BlockingReads reads;
    private final EventPublisher publisher;
    private final Clock clock;

    public PreferencesHandler(
            NotificationAccess access, BlockingReads reads, EventPublisher publisher, Clock clock) {
        this.access = access;
        this.reads = reads;
        this.publisher = publisher;
        this.clock = clock;
    }

    public void get(RoutingContext ctx) {
        String user = Recipients.of(ctx, access);
        reads.respondJson(ctx, () -> access.preferencesOf(user));
    }

    public void put(RoutingContext ctx) {
        String user = Recipients.of(ctx, access);
        JsonNode body = body(ctx);
        reads.run(() -> merge(access.preferencesOf(user), body, user))
                .compose(
                        prefs ->
                                Future.fromCompletionStage(
                                                publisher.publish(
                                                        NotifierTopics.PREFERENCES, user, prefs),
                                                ctx.vertx().getOrCreateContext())
                                        .recover(
                                                failure ->
                                                        Future.failedFuture(
                                                                ProblemException.unavailable(
                                                                        "the preferences could not"
                                                                                + " be saved;"
                                                                                + " retry",
                                                                        RETRY_AFTER)))
                                        .map(done -> prefs))
                .onSuccess(prefs -> JsonReply.send(ctx, 200, prefs))
                .onFailure(ctx::fail);
    }

    private static JsonNode body(RoutingContext ctx) {
        JsonNode node = JsonBodies.object(ctx);
        if (node.isEmpty()) {
            throw ProblemException.badRequest("send the preferences as a JSON object");
        }
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                throw ProblemException.badParameter(
                        name, "is not a preference; known are " + String.join(", ", FIELDS));
            }
        }
        return node;
    }

    private NotificationPreferences merge(
            NotificationPreferences current, JsonNode body, String user) {
        Set<Severity> severities =
                body.has("severities") ? severities(body.get("severities")) : current.severities();
        List<String> channels =
                body.has("channels") ? channels(body.get("channels")) : current.channels();
        QuietHours quiet =
                body.has("quietHours") ? quietHours(body.get("quietHours")) : current.quietHours();
        boolean digest = body.has("digest") ? bool(body.get("digest"), "digest") : current.digest();
        LocalTime digestAt =
                body.has("digestAt") ? time(body.get("digestAt"), "digestAt") : current.digestAt();
        String zone = body.has("timeZone") ? zone(body.get("timeZone")) : current.timeZone();
        return new NotificationPreferences(
                user, severities, channels, quiet, digest, digestAt, zone, clock.instant());
    }

    private static Set<Severity> severities(JsonNode node) {
        if (!node.isArray()) {
            throw ProblemException.badParameter(
                    "severities", "must be a list such as [\"warning\", \"critical\"]");
        }
        Set<Severity> result = EnumSet.noneOf(Severity.class);
        for (JsonNode item : node) {
            try {
                result.add(Severity.fromLabel(item.asText()));
            } catch (IllegalArgumentException e) {
                throw ProblemException.badParameter("severities", e.getMessage());
            }
        }
        return result;
    }

    private List<String> channels(JsonNode node) {
        if (!node.isArray()) {
            throw ProblemException.badParameter(
                    "channels", "must be a list such as [\"in-app\", \"email\"]");
        }
        List<String> result = new ArrayList<>();
        for (JsonNode item : node) {
            String channel = item.asText();
            if (!access.channels().contains(channel)) {
                throw ProblemException.badParameter(
                        "channels",
                        "'"
                                + channel
                                + "' is not available here; available: "
                                + String.join(", ", access.channels()));
            }
            if (!result.contains(channel)) {
                result.add(channel);
            }
        }
        return result;
    }

    private static QuietHours quietHours(JsonNode node) {
        if (node.isNull()) {
            return null;
        }
        if (!node.isObject() || !node.has("start") || !node.has("end")) {
            throw ProblemException.badParameter(
                    "quietHours", "must be null or {\"start\": \"22:00\", \"end\": \"07:00\"}");
        }
        try {
            return new QuietHours(
                    time(node.get("start"), "quietHours.start"),
                    time(node.get("end"), "quietHours.end"));
        } catch (IllegalArgumentException e) {
            throw ProblemException.badParameter("quietHours", e.getMessage());
        }
    }

    private static boolean bool(JsonNode node, String name) {
        if (!node.isBoolean()) {
            throw ProblemException.badParameter(name, "must be true or false");
        }
        return node.booleanValue();
    }

    private static LocalTime time(JsonNode node, String name) {
        try {
            return LocalTime.parse(node.asText());
        } catch (DateTimeParseException e) {
            throw ProblemException.badParameter(name, "must be a time of day such as 07:30");
        }
    }

    private static String zone(JsonNode node) {
        try {
            return ZoneId.of(node.asText()).getId();
        } catch (DateTimeException e) {
            throw ProblemException.badParameter(
                    "timeZone", "must be an IANA time zone such as Europe/Berlin");
        }
    }
}
