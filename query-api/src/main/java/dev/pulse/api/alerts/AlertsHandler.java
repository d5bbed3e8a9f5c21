package dev.pulse.api.alerts;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pulse.access.alerts.AlertActionResult;
import dev.pulse.access.alerts.Alerts;
import dev.pulse.access.security.Caller;
import dev.pulse.api.auth.RequestAccess;
import dev.pulse.api.http.BlockingReads;
import dev.pulse.api.http.JsonBodies;
import dev.pulse.api.http.JsonReply;
import dev.pulse.api.http.PathParams;
import dev.pulse.api.http.ProblemException;
import dev.pulse.api.http.RequestParams;
import dev.pulse.api.http.SegmentFilters;
import dev.pulse.topologies.alert.Alert;
import dev.pulse.topologies.alert.AlertAction;
import dev.pulse.topologies.alert.AlertCommand;
import dev.pulse.topologies.alert.AlertState;
import dev.pulse.topologies.alert.Severity;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * {@code GET /v1/alerts}: the alerts of the accounts in the caller's scope, filtered, newest state
 * change first; {@code segment} keeps a saved segment's accounts (unknown: 404; not with {@code
 * tenant}, which names one account already). {@code POST
 * /v1/alerts/{tenant}/{rule}/ack|snooze|resolve}: a person's action, published as an {@link
 * AlertCommand} for the topology to apply (202 with the command); the alert is read first through
 * the caller's scope-checked reader, so a tenant outside the scope is 403, an unknown alert 404,
 * and an action that does not fit the alert's current state 409.
 */
public final class AlertsHandler {
    /** Path parameter holding the rule id. */
    public static final String RULE = "rule";

    private static final Pattern RULE_ID = Pattern.compile("[a-z][a-z0-9_-]{0,63}");
    private static final int DEFAULT_LIMIT = 100;
    private static final int MAX_LIMIT = 1000;
    private static final Duration LONGEST_SNOOZE = Duration.ofDays(90);
    private static final int LONGEST_NOTE = 1000;

    private final Alerts alerts;
    private final Clock clock;
    private final BlockingReads reads;
    private final SegmentFilters segments;

    public AlertsHandler(Alerts alerts, Clock clock, BlockingReads reads, SegmentFilters segments) {
        this.alerts = alerts;
        this.clock = clock;
        this.reads = reads;
        this.segments = segments;
    }

    public void list(RoutingContext ctx) {
        RequestParams params = RequestParams.of(ctx);
        Optional<AlertState> state = params.optional("state").map(AlertsHandler::state);
        Optional<Severity> severity = params.optional("severity").map(AlertsHandler::severity);
        Optional<String> owner =
                params.optional("owner").isPresent()
                        ? Optional.of(params.email("owner"))
                        : Optional.empty();
        Optional<String> tenant =
                params.optional("tenant").map(t -> PathParams.tenantId("tenant", t));
        int limit = params.integer("limit", DEFAULT_LIMIT, 1, MAX_LIMIT);
        String segment = SegmentFilters.parameter(params);
        if (tenant.isPresent() && segment != null) {
            throw ProblemException.badParameter(
                    SegmentFilters.PARAMETER, "cannot be given with 'tenant'");
        }
        Caller caller = RequestAccess.caller(ctx);
        Predicate<Alert> matching =
                a ->
                        (state.isEmpty() || a.state() == state.get())
                                && (severity.isEmpty() || a.severity() == severity.get())
                                && (owner.isEmpty() || owner.get().equalsIgnoreCase(a.owner()));
        reads.respondJson(
                ctx,
                () -> {
                    List<Alert> found =
                            tenant.isPresent()
                                    ? alerts.of(caller, List.of(tenant.get()), matching)
                                    : alerts.ofOwner(
                                            caller, owner, segments.of(caller, segment), matching);
                    List<Alert> page = List.copyOf(found.subList(0, Math.min(limit, found.size())));
                    RequestAccess.touched(
                            ctx, page.stream().map(Alert::tenantId).distinct().toList());
                    return new AlertList(
                            page.size(), found.size() > page.size(), page, clock.instant());
                });
    }

    public void ack(RoutingContext ctx) {
        act(ctx, AlertAction.ACK);
    }

    public void snooze(RoutingContext ctx) {
        act(ctx, AlertAction.SNOOZE);
    }

    public void resolve(RoutingContext ctx) {
        act(ctx, AlertAction.RESOLVE);
    }

    private void act(RoutingContext ctx, AlertAction action) {
        String tenant = PathParams.tenant(ctx);
        String rule = ruleId(ctx.pathParam(RULE));
        JsonNode body = JsonBodies.object(ctx);
        Instant until = action == AlertAction.SNOOZE ? snoozeUntil(body, clock.instant()) : null;
        String note = note(body);
        Caller caller = RequestAccess.caller(ctx);
        reads.runMarkingStale(
                        ctx,
                        () -> {
                            RequestAccess.touched(ctx, tenant);
                            return alerts.act(caller, Alert.id(tenant, rule), action, until, note);
                        })
                .onSuccess(result -> reply(ctx, result))
                .onFailure(ctx::fail);
    }

    private static void reply(RoutingContext ctx, AlertActionResult result) {
        if (result instanceof AlertActionResult.Accepted accepted) {
            JsonReply.send(ctx, 202, accepted.command());
        } else if (result instanceof AlertActionResult.Conflict conflict) {
            ctx.fail(ProblemException.status(409, "Conflict", conflict.reason()));
        } else {
            String alertId = ((AlertActionResult.NotFound) result).alertId();
            ctx.fail(ProblemException.notFound("no alert '" + alertId + "'"));
        }
    }

    /** Checks a rule id given as the {@code :rule} path parameter. */
    public static String ruleId(String value) {
        if (value == null || !RULE_ID.matcher(value).matches()) {
            throw ProblemException.badParameter(
                    RULE, "must be a rule id (lower case letters, digits, '-' or '_')");
        }
        return value;
    }

    private static AlertState state(String value) {
        for (AlertState state : AlertState.values()) {
            if (state.label().equalsIgnoreCase(value)) {
                return state;
            }
        }
        throw ProblemException.badParameter("state", "must be pending, firing or resolved");
    }

    private static Severity severity(String value) {
        try {
            return Severity.fromLabel(value.toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.badParameter("severity", "must be info, warning or critical");
        }
    }

    private static Instant snoozeUntil(JsonNode body, Instant now) {
        boolean hasUntil = body.hasNonNull("until");
        boolean hasFor = body.hasNonNull("for");
        if (hasUntil == hasFor) {
            throw ProblemException.badRequest(
                    "give either 'until' (an ISO-8601 instant) or 'for' (an ISO-8601 duration, e.g."
                            + " P1D)");
        }
        Instant until;
        try {
            until =
                    hasUntil
                            ? Instant.parse(body.get("until").asText())
                            : now.plus(Duration.parse(body.get("for").asText()));
        } catch (DateTimeParseException e) {
            throw ProblemException.badParameter(
                    hasUntil ? "until" : "for",
                    hasUntil
                            ? "must be an ISO-8601 instant, e.g. 2026-11-21T09:00:00Z"
                            : "must be an ISO-8601 duration, e.g. P1D or PT4H");
        }
        if (!until.isAfter(now) || until.isAfter(now.plus(LONGEST_SNOOZE))) {
            throw ProblemException.badParameter(
                    hasUntil ? "until" : "for", "must end in the future and within 90 days");
        }
        return until;
    }

    private static String note(JsonNode body) {
        if (!body.hasNonNull("note")) {
            return null;
        }
        String note = body.get("note").asText();
        if (note.length() > LONGEST_NOTE) {
            throw ProblemException.badParameter("note", "must be at most 1000 characters");
        }
        return note;
    }
}
