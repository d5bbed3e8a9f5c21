package dev.pulse.api.segments;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pulse.access.security.Caller;
import dev.pulse.access.segments.InvalidSegmentException;
import dev.pulse.access.segments.Membership;
import dev.pulse.access.segments.Segment;
import dev.pulse.access.segments.SegmentCriteria;
import dev.pulse.access.segments.SegmentCriteriaJson;
import dev.pulse.access.segments.SegmentNameTakenException;
import dev.pulse.access.segments.SegmentRequest;
import dev.pulse.access.segments.Segments;
import dev.pulse.access.segments.UnknownSegmentException;
import dev.pulse.api.auth.RequestAccess;
import dev.pulse.api.http.BlockingReads;
import dev.pulse.api.http.JsonBodies;
import dev.pulse.api.http.JsonReply;
import dev.pulse.api.http.ProblemException;
import dev.pulse.api.http.RequestParams;
import dev.pulse.api.http.SegmentFilters;
import dev.pulse.topologies.time.UtcDays;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * {@code /v1/segments…}: the {@link Segments} use case over HTTP. Writes wait for Kafka's ack and
 * reads evaluate criteria over the caller's accounts, so both run on the blocking pool. Bad input
 * is a 400 naming the field, an unknown segment 404, a name in use 409; refusals are the use
 * case's.
 */
public final class SegmentsHandler {
    public static final String ID = "id";
    static final int DEFAULT_HISTORY_DAYS = 90;
    private static final Set<String> FIELDS = Set.of("name", "description", "criteria");
    private static final String BASE = "/v1/segments/";

    private final Segments segments;
    private final Clock clock;
    private final BlockingReads blocking;

    public SegmentsHandler(Segments segments, Clock clock, BlockingReads blocking) {
        this.segments = segments;
        this.clock = clock;
        this.blocking = blocking;
    }

    /** {@code GET /v1/segments}. */
    public void list(RoutingContext ctx) {
        Caller caller = RequestAccess.caller(ctx);
        respond(
                ctx,
                () ->
                        new SegmentBodies.Listing(
                                segments.list(caller).stream()
                                        .map(SegmentBodies.Item::of)
                                        .toList()));
    }

    /** {@code POST /v1/segments}: 201 with the segment and its {@code Location}. */
    public void create(RoutingContext ctx) {
        Caller caller = RequestAccess.caller(ctx);
        SegmentRequest request = request(ctx);
        blocking.run(() -> translated(() -> segments.create(caller, request)))
                .onSuccess(
                        segment -> {
                            ctx.response().putHeader(HttpHeaders.LOCATION, BASE + segment.id());
                            JsonReply.send(ctx, 201, SegmentBodies.Item.of(segment));
                        })
                .onFailure(ctx::fail);
    }

    /** {@code POST /v1/segments/preview}: the accounts criteria select, nothing saved. */
    public void preview(RoutingContext ctx) {
        Caller caller = RequestAccess.caller(ctx);
        JsonNode body = JsonBodies.object(ctx);
        Iterator<String> names = body.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!name.equals("criteria")) {
                throw ProblemException.badParameter(
                        name, "is not part of a preview; send {\"criteria\": {...}}");
            }
        }
        SegmentCriteria criteria = translated(() -> SegmentCriteriaJson.read(body.get("criteria")));
        respond(
                ctx,
                () -> {
                    Membership members = segments.preview(caller, criteria);
                    touched(ctx, members);
                    return SegmentBodies.Members.of(null, members);
                });
    }

    /** {@code GET /v1/segments/{id}}. */
    public void get(RoutingContext ctx) {
        Caller caller = RequestAccess.caller(ctx);
        String id = ctx.pathParam(ID);
        respond(ctx, () -> SegmentBodies.Item.of(segments.get(caller, id)));
    }

    /** {@code PUT /v1/segments/{id}}: name, description and criteria replaced. */
    public void update(RoutingContext ctx) {
        Caller caller = RequestAccess.caller(ctx);
        String id = ctx.pathParam(ID);
        SegmentRequest request = request(ctx);
        respond(ctx, () -> SegmentBodies.Item.of(segments.update(caller, id, request)));
    }

    /** {@code DELETE /v1/segments/{id}}: 204. */
    public void delete(RoutingContext ctx) {
        Caller caller = RequestAccess.caller(ctx);
        String id = ctx.pathParam(ID);
        blocking.run(
                        () ->
                                translated(
                                        () -> {
                                            segments.delete(caller, id);
                                            return id;
                                        }))
                .onSuccess(deleted -> ctx.response().setStatusCode(204).end())
                .onFailure(ctx::fail);
    }

    /** {@code GET /v1/segments/{id}/accounts}: members riskiest first, as portfolio rows. */
    public void accounts(RoutingContext ctx) {
        Caller caller = RequestAccess.caller(ctx);
        String id = ctx.pathParam(ID);
        respond(
                ctx,
                () -> {
                    Segment segment = segments.get(caller, id);
                    Membership members = segments.members(caller, id);
                    touched(ctx, members);
                    return SegmentBodies.Members.of(segment, members);
                });
    }

    /**
     * {@code GET /v1/segments/{id}/history?from&to}: UTC days {@code [from, to)}, by default the 90
     * days before today.
     */
    public void history(RoutingContext ctx) {
        Caller caller = RequestAccess.caller(ctx);
        String id = ctx.pathParam(ID);
        RequestParams params = RequestParams.of(ctx);
        LocalDate to = date(params, "to").orElse(UtcDays.dayOf(clock.instant()));
        LocalDate from = date(params, "from").orElse(to.minusDays(DEFAULT_HISTORY_DAYS));
        respond(ctx, () -> SegmentBodies.History.of(segments.history(caller, id, from, to)));
    }

    /** {@code GET /v1/segments/compare?ids=a,b}: two or more segments side by side. */
    public void compare(RoutingContext ctx) {
        Caller caller = RequestAccess.caller(ctx);
        List<String> ids =
                RequestParams.of(ctx).all("ids").stream()
                        .flatMap(v -> Arrays.stream(v.split(",")))
                        .map(String::strip)
                        .filter(v -> !v.isEmpty())
                        .toList();
        respond(
                ctx,
                () ->
                        new SegmentBodies.Comparison(
                                segments.compare(caller, ids).stream()
                                        .map(SegmentBodies.Compared::of)
                                        .toList()));
    }

    private void respond(RoutingContext ctx, Callable<?> read) {
        blocking.respondJson(ctx, () -> translated(read));
    }

    private static void touched(RoutingContext ctx, Membership members) {
        RequestAccess.touched(
                ctx, members.entries().stream().map(e -> e.account().tenantId()).toList());
    }

    /** The use case's answers as the problems the client sees. */
    private static <T> T translated(Callable<T> work) {
        try {
            return work.call();
        } catch (InvalidSegmentException e) {
            throw ProblemException.badParameter(e.field(), e.reason());
        } catch (UnknownSegmentException e) {
            throw SegmentFilters.unknown(e.id());
        } catch (SegmentNameTakenException e) {
            throw ProblemException.status(409, "Conflict", e.getMessage())
                    .with("existing", e.existingId());
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static SegmentRequest request(RoutingContext ctx) {
        JsonNode body = JsonBodies.object(ctx);
        Iterator<String> names = body.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                throw ProblemException.badParameter(
                        name, "is not part of a segment; known are name, description, criteria");
            }
        }
        return translated(
                () ->
                        new SegmentRequest(
                                text(body, "name"),
                                text(body, "description"),
                                SegmentCriteriaJson.read(body.get("criteria"))));
    }

    private static String text(JsonNode body, String name) {
        JsonNode node = body.get(name);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw ProblemException.badParameter(name, "must be a string");
        }
        return node.asText();
    }

    private static Optional<LocalDate> date(RequestParams params, String name) {
        return params.optional(name)
                .map(
                        value -> {
                            try {
                                return LocalDate.parse(value);
                            } catch (DateTimeParseException e) {
                                throw ProblemException.badParameter(
                                        name,
                                        "must be a date such as 2026-09-01, not '" + value + "'");
                            }
                        });
    }
}
