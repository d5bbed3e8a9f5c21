package dev.pulse.api.alerts;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pulse.api.auth.RequestAccess;
import dev.pulse.api.http.BlockingReads;
import dev.pulse.api.http.JsonBodies;
import dev.pulse.api.http.JsonReply;
import dev.pulse.api.http.PathParams;
import dev.pulse.api.http.ProblemException;
import dev.pulse.api.http.RequestParams;
import dev.pulse.streams.ingest.EventPublisher;
import dev.pulse.streams.read.TenantStateReader;
import dev.pulse.topologies.account.Account;
import dev.pulse.topologies.alert.Alert;
import dev.pulse.topologies.alert.AlertAction;
import dev.pulse.topologies.alert.AlertCommand;
import dev.pulse.topologies.alert.AlertLifecycle;
import dev.pulse.topologies.alert.AlertState;
import dev.pulse.topologies.alert.Severity;
import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * {@code GET /v1/alerts}: the alerts of the accounts in the caller's scope, filtered, newest state
 * change first. {@code POST /v1/alerts/{tenant}/{rule}/ack|snooze|resolve}: a person's action,
 * published as an {@link AlertCommand} for the topology to apply (202 with the command); the alert
 * is read first through the caller's scope-checked reader, so a tenant outside the scope is 403, an
 * unknown alert 404, and an action that does not fit the alert's current state 409.
 */
public final class AlertsHandler {
    /** Path parameter holding the rule id. */
    public static final String RULE = "rule";

    private static final Pattern RULE_ID = Pattern.compile("[a-z][a-z0-9_-]{0,63}");
    private static final int DEFAULT_LIMIT = 100;
    private static final int MAX_LIMIT = 1000;
    private static final Duration LONGEST_SNOOZE = Duration.ofDays(90);
    private static final int LONGEST_NOTE = 1000;
    private static final Duration RETRY_AFTER = Duration.ofSeconds(2);

    /** Newest state change first: resolution, else firing, else first sight; then by id. */
    private static final Comparator<Alert> NEWEST_FIRST =
            Comparator.comparing(AlertsHandler::changedAt, Comparator.reverseOrder())
                    .thenComparing(Alert::id, Comparator.naturalOrder());

    private final Clock clock;
    private final BlockingReads reads;
    private final EventPublisher publisher;

    public AlertsHandler(Clock clock, BlockingReads reads, EventPublisher publisher) {
        this.clock = clock;
        this.reads = reads;
        this.publisher = publisher;
    }

    /** " and acknowledged by sam@…" for an acknowledged alert, else nothing. */
    private static String acknowledgement(Alert alert) {
        if (alert.acknowledgedAt() == null) {
            return "";
        }
        return alert.actedBy() == null
                ? " and acknowledged"
                : " and acknowledged by " + alert.actedBy();
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
        TenantStateReader reader = RequestAccess.reader(ctx);
        reads.respondJson(
                ctx,
                () -> {
                    List<String> tenants =
                            tenant.isPresent()
                                    ? List.of(tenant.get())
                                    : reader.accounts().stream()
                                            .filter(
                                                    a ->
                                                            owner.isEmpty()
                                                                    || owner.get()
                                                                            .equalsIgnoreCase(
                                                                                    a.owner()))
                                            .map(Account::tenantId)
                                            .toList();
                    List<Alert> matching = new ArrayList<>();
                    for (String t : tenants) {
                        Stream<Alert> alerts = reader.alerts(t).stream();
                        matching.addAll(
                                alerts.filter(a -> state.isEmpty() || a.state() == state.get())
                                        .filter(
                                                a ->
                                                        severity.isEmpty()
                                                                || a.severity() == severity.get())
                                        .filter(
                                                a ->
                                                        owner.isEmpty()
                                                                || owner.get()
                                                                        .equalsIgnoreCase(
                                                                                a.owner()))
                                        .toList());
                    }
                    matching.sort(NEWEST_FIRST);
                    List<Alert> page =
                            List.copyOf(matching.subList(0, Math.min(limit, matching.size())));
                    RequestAccess.touched(
                            ctx, page.stream().map(Alert::tenantId).distinct().toList());
                    return new AlertList(
                            page.size(), matching.size() > page.size(), page, clock.instant());
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
        Instant now = clock.instant();
        Instant until = action == AlertAction.SNOOZE ? snoozeUntil(body, now) : null;
        String note = note(body);
        String by = RequestAccess.principal(ctx).subject();
        TenantStateReader reader = RequestAccess.reader(ctx);
        String alertId = Alert.id(tenant, rule);
        AlertCommand command = new AlertCommand(alertId, action, until, by, now, note);
        reads.run(
                        () -> {
                            RequestAccess.touched(ctx, tenant);
                            Alert current =
                                    reader.alerts(tenant).stream()
                                            .filter(a -> a.ruleId().equals(rule))
                                            .findFirst()
                                            .orElseThrow(
                                                    () ->
                                                            ProblemException.notFound(
                                                                    "no alert '" + alertId + "'"));
                            if (!AlertLifecycle.apply(current, command, now).changed()) {
                                throw ProblemException.status(
                                        409,
                                        "Conflict",
                                        "alert '"
                                                + alertId
                                                + "' is "
                                                + current.state().label()
                                                + acknowledgement(current)
                                                + "; it cannot be "
                                                + past(action)
                                                + " now");
                            }
                            return command;
                        })
                .compose(
                        cmd ->
                                Future.fromCompletionStage(
                                                publisher.publishAlertCommand(tenant, cmd),
                                                ctx.vertx().getOrCreateContext())
                                        .recover(
                                                failure ->
                                                        Future.failedFuture(
                                                                ProblemException.unavailable(
                                                                        "the command could not be"
                                                                            + " recorded; retry",
                                                                        RETRY_AFTER)))
                                        .map(done -> cmd))
                .onSuccess(cmd -> JsonReply.send(ctx, 202, cmd))
                .onFailure(ctx::fail);
    }

    private static String past(AlertAction action) {
        return switch (action) {
            case ACK -> "acknowledged";
            case SNOOZE -> "snoozed";
            case RESOLVE -> "resolved";
        };
    }

    private static Instant changedAt(Alert alert) {
        if (alert.resolvedAt() != null) {
            return alert.resolvedAt();
        }
        return alert.firedAt() != null ? alert.firedAt() : alert.firstSeenAt();
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
