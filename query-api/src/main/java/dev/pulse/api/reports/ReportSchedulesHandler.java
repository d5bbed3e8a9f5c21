package dev.pulse.api.reports;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pulse.access.schedules.InvalidScheduleException;
import dev.pulse.access.schedules.ReportSchedule;
import dev.pulse.access.schedules.ReportSchedules;
import dev.pulse.access.schedules.ScheduleRequest;
import dev.pulse.access.security.Caller;
import dev.pulse.access.segments.UnknownSegmentException;
import dev.pulse.api.auth.RequestAccess;
import dev.pulse.api.http.BlockingReads;
import dev.pulse.api.http.JsonBodies;
import dev.pulse.api.http.JsonReply;
import dev.pulse.api.http.ProblemException;
import dev.pulse.api.http.RequestParams;
import dev.pulse.api.http.SegmentFilters;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code GET|POST /v1/report-schedules} and {@code DELETE /v1/report-schedules/{id}}: the {@link
 * ReportSchedules} use case. Writes wait for Kafka's ack, so they run on the blocking pool. A
 * portfolio or team schedule may carry {@code segment}: each run is narrowed to the segment's
 * accounts as they stand then; a segment that does not exist is a 404 naming it.
 */
public final class ReportSchedulesHandler {
    public static final String ID = "id";
    private static final Set<String> FIELDS =
            Set.of(
                    "report",
                    "tenant",
                    "owner",
                    "team",
                    "cadence",
                    "dayOfWeek",
                    "dayOfMonth",
                    "time",
                    "timeZone",
                    "format",
                    "channels",
                    "periodDays",
                    "segment");

    private final ReportSchedules schedules;
    private final BlockingReads blocking;

    public ReportSchedulesHandler(ReportSchedules schedules, BlockingReads blocking) {
        this.schedules = schedules;
        this.blocking = blocking;
    }

    public void list(RoutingContext ctx) {
        Caller caller = RequestAccess.caller(ctx);
        String owner = RequestParams.of(ctx).optional("owner").orElse(null);
        blocking.respondJson(
                ctx,
                () ->
                        Map.of(
                                "schedules",
                                schedules.list(caller, owner).stream().map(this::view).toList()));
    }

    public void create(RoutingContext ctx) {
        Caller caller = RequestAccess.caller(ctx);
        ScheduleRequest request = request(JsonBodies.object(ctx));
        blocking.run(
                        () -> {
                            try {
                                return view(schedules.create(caller, request));
                            } catch (InvalidScheduleException e) {
                                throw ProblemException.badParameter(e.field(), e.reason());
                            } catch (UnknownSegmentException e) {
                                throw SegmentFilters.unknown(e.id());
                            }
                        })
                .onSuccess(body -> JsonReply.send(ctx, 201, body))
                .onFailure(ctx::fail);
    }

    public void cancel(RoutingContext ctx) {
        Caller caller = RequestAccess.caller(ctx);
        String id = ctx.pathParam(ID);
        blocking.run(() -> schedules.cancel(caller, id))
                .onSuccess(
                        done -> {
                            if (done == ReportSchedules.Cancelled.NOT_FOUND) {
                                ctx.fail(
                                        ProblemException.notFound(
                                                "no report schedule '" + id + "'"));
                            } else {
                                ctx.response().setStatusCode(204).end();
                            }
                        })
                .onFailure(ctx::fail);
    }

    /** The HTTP shape: labels in lower case as the request has them, plus the next run. */
    private Map<String, Object> view(ReportSchedule s) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", s.id());
        out.put("report", s.report().label());
        putIfSet(out, "tenant", s.tenant());
        putIfSet(out, "owner", s.owner());
        putIfSet(out, "team", s.team());
        out.put("cadence", s.cadence().label());
        putIfSet(out, "dayOfWeek", s.dayOfWeek() == null ? null : s.dayOfWeek().name());
        putIfSet(out, "dayOfMonth", s.dayOfMonth());
        out.put("time", s.time().toString());
        out.put("timeZone", s.timeZone());
        out.put("format", s.format().label());
        out.put("channels", s.channels());
        out.put("periodDays", s.periodDays());
        putIfSet(out, "segment", s.segment());
        out.put("createdBy", s.createdBy());
        out.put("createdAt", s.createdAt().toString());
        out.put("nextRunAt", schedules.nextRunAt(s).toString());
        return out;
    }

    private static void putIfSet(Map<String, Object> out, String name, Object value) {
        if (value != null) {
            out.put(name, value);
        }
    }

    private static ScheduleRequest request(JsonNode body) {
        Iterator<String> names = body.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                throw ProblemException.badParameter(
                        name, "is not part of a schedule; known are " + String.join(", ", FIELDS));
            }
        }
        return new ScheduleRequest(
                text(body, "report"),
                text(body, "tenant"),
                text(body, "owner"),
                text(body, "team"),
                text(body, "cadence"),
                text(body, "dayOfWeek"),
                integer(body, "dayOfMonth"),
                text(body, "time"),
                text(body, "timeZone"),
                text(body, "format"),
                channels(body),
                integer(body, "periodDays"),
                text(body, "segment"));
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

    private static Integer integer(JsonNode body, String name) {
        JsonNode node = body.get(name);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isInt()) {
            throw ProblemException.badParameter(name, "must be a whole number");
        }
        return node.intValue();
    }

    private static List<String> channels(JsonNode body) {
        JsonNode node = body.get("channels");
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isArray()) {
            throw ProblemException.badParameter(
                    "channels", "must be a list such as [\"email\", \"chat\"]");
        }
        List<String> out = new ArrayList<>();
        node.forEach(n -> out.add(n.asText()));
        return out;
    }
}
