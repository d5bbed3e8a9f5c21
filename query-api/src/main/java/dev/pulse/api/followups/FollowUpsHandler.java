package dev.pulse.api.followups;

import dev.pulse.access.security.Principal;
import dev.pulse.api.alerts.AlertsHandler;
import dev.pulse.api.auth.RequestAccess;
import dev.pulse.api.http.BlockingReads;
import dev.pulse.api.http.JsonReply;
import dev.pulse.api.http.PathParams;
import dev.pulse.api.http.ProblemException;
import dev.pulse.api.http.RequestParams;
import dev.pulse.streams.ingest.EventPublisher;
import dev.pulse.streams.read.TenantStateReader;
import dev.pulse.topologies.account.Account;
import dev.pulse.topologies.alert.Alert;
import dev.pulse.topologies.followup.FollowUp;
import dev.pulse.topologies.followup.FollowUpCommand;
import dev.pulse.topologies.followup.FollowUpLifecycle;
import dev.pulse.topologies.followup.FollowUpStatus;
import io.vertx.core.Future;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * Follow-up action items. {@code POST /v1/accounts/{tenant}/follow-ups} and {@code POST
 * /v1/alerts/{tenant}/{rule}/follow-up} create one, {@code PATCH /v1/follow-ups/{tenant}/{id}}
 * changes it; each publishes a {@link FollowUpCommand} for the topology to apply and answers 202
 * with the follow-up as it will be ({@link FollowUpLifecycle}, the function the topology applies).
 * {@code GET /v1/accounts/{tenant}/follow-ups} lists an account's, {@code GET /v1/follow-ups} an
 * owner's across the caller's scope. Everything is read through the caller's scope-checked reader,
 * so a tenant outside the scope is 403.
 */
public final class FollowUpsHandler {
    /** Path parameter holding the follow-up id. */
    public static final String ID = "id";

    private static final int DEFAULT_LIMIT = 100;
    private static final int MAX_LIMIT = 1000;
    private static final Duration RETRY_AFTER = Duration.ofSeconds(2);

    /** Due date (none last), then creation time, then id. */
    static final Comparator<FollowUp> BY_DUE_DATE =
            Comparator.comparing(FollowUp::dueDate, Comparator.nullsLast(Comparator.naturalOrder()))
                    .thenComparing(FollowUp::createdAt)
                    .thenComparing(FollowUp::id);

    private final Clock clock;
    private final BlockingReads reads;
    private final EventPublisher publisher;

    public FollowUpsHandler(Clock clock, BlockingReads reads, EventPublisher publisher) {
        this.clock = clock;
        this.reads = reads;
        this.publisher = publisher;
    }

    /** {@code POST /v1/accounts/{tenant}/follow-ups}. */
    public void create(RoutingContext ctx) {
        String tenant = PathParams.tenant(ctx);
        Instant now = clock.instant();
        FollowUpBody body = FollowUpBody.read(ctx, today(now));
        if (body.title() == null) {
            throw ProblemException.badParameter(
                    "title", "is required: 1 to " + FollowUpLifecycle.MAX_TITLE + " characters");
        }
        refuseStatus(body);
        requireOwnerUnlessPerson(ctx, body);
        String by = actor(ctx);
        TenantStateReader reader = RequestAccess.reader(ctx);
        FollowUpCommand command = createCommand(null, body.title(), body, by, now);
        reads.run(
                        () -> {
                            RequestAccess.touched(ctx, tenant);
                            if (reader.account(tenant).isEmpty()) {
                                throw ProblemException.notFound(
                                        "no account '" + tenant + "' in the directory");
                            }
                            return command;
                        })
                .onSuccess(cmd -> publishCreated(ctx, tenant, cmd, now))
                .onFailure(ctx::fail);
    }

    /** {@code POST /v1/alerts/{tenant}/{rule}/follow-up}: title defaults to the explanation. */
    public void createFromAlert(RoutingContext ctx) {
        String tenant = PathParams.tenant(ctx);
        String rule = AlertsHandler.ruleId(ctx.pathParam(AlertsHandler.RULE));
        Instant now = clock.instant();
        FollowUpBody body = FollowUpBody.read(ctx, today(now));
        refuseStatus(body);
        requireOwnerUnlessPerson(ctx, body);
        String by = actor(ctx);
        TenantStateReader reader = RequestAccess.reader(ctx);
        String alertId = Alert.id(tenant, rule);
        reads.run(
                        () -> {
                            RequestAccess.touched(ctx, tenant);
                            Alert alert =
                                    reader.alerts(tenant).stream()
                                            .filter(a -> a.ruleId().equals(rule))
                                            .findFirst()
                                            .orElseThrow(
                                                    () ->
                                                            ProblemException.notFound(
                                                                    "no alert '" + alertId + "'"));
                            String title =
                                    body.title() != null
                                            ? body.title()
                                            : titleFrom(alert.explanation());
                            return createCommand(alertId, title, body, by, now);
                        })
                .onSuccess(cmd -> publishCreated(ctx, tenant, cmd, now))
                .onFailure(ctx::fail);
    }

    /** {@code PATCH /v1/follow-ups/{tenant}/{id}}. */
    public void update(RoutingContext ctx) {
        String tenant = PathParams.tenant(ctx);
        String id = followUpId(ctx.pathParam(ID));
        Instant now = clock.instant();
        FollowUpBody body = FollowUpBody.read(ctx, today(now));
        if (body.isEmpty()) {
            throw ProblemException.badRequest(
                    "give at least one of 'status', 'title', 'dueDate', 'owner' and 'note'");
        }
        FollowUpCommand command =
                checked(
                        FollowUpCommand.update(
                                id,
                                body.status(),
                                body.title(),
                                body.dueDate(),
                                body.clearDueDate(),
                                body.owner(),
                                body.note(),
                                actor(ctx),
                                now));
        TenantStateReader reader = RequestAccess.reader(ctx);
        reads.run(
                        () -> {
                            RequestAccess.touched(ctx, tenant);
                            FollowUp current =
                                    reader.followUps(tenant).stream()
                                            .filter(f -> f.id().equals(id))
                                            .findFirst()
                                            .orElseThrow(
                                                    () ->
                                                            ProblemException.notFound(
                                                                    "no follow-up '"
                                                                            + id
                                                                            + "' on account '"
                                                                            + tenant
                                                                            + "'"));
                            FollowUpLifecycle.Step step =
                                    FollowUpLifecycle.apply(current, tenant, command, now);
                            if (step.outcome() == FollowUpLifecycle.Outcome.CONFLICT) {
                                throw ProblemException.status(409, "Conflict", step.reason());
                            }
                            return step;
                        })
                .compose(
                        step ->
                                step.changed()
                                        ? publish(ctx, tenant, command).map(done -> step)
                                        : Future.succeededFuture(step))
                .onSuccess(step -> JsonReply.send(ctx, step.changed() ? 202 : 200, step.followUp()))
                .onFailure(ctx::fail);
    }

    /** {@code GET /v1/accounts/{tenant}/follow-ups}. */
    public void listForAccount(RoutingContext ctx) {
        String tenant = PathParams.tenant(ctx);
        RequestParams params = RequestParams.of(ctx);
        Optional<FollowUpStatus> status = params.optional("status").map(FollowUpsHandler::status);
        int limit = params.integer("limit", DEFAULT_LIMIT, 1, MAX_LIMIT);
        TenantStateReader reader = RequestAccess.reader(ctx);
        reads.respondJson(
                ctx,
                () -> {
                    RequestAccess.touched(ctx, tenant);
                    List<FollowUp> all = reader.followUps(tenant);
                    if (all.isEmpty() && reader.account(tenant).isEmpty()) {
                        throw ProblemException.notFound(
                                "no account '" + tenant + "' in the directory");
                    }
                    return page(all, hasStatus(status), limit);
                });
    }

    /**
     * {@code GET /v1/follow-ups}: one owner's follow-ups (the caller's unless {@code owner} is
     * given) on the accounts in the caller's scope, or on one account ({@code tenant}).
     */
    public void listForOwner(RoutingContext ctx) {
        RequestParams params = RequestParams.of(ctx);
        Principal caller = RequestAccess.principal(ctx);
        String owner;
        if (params.optional("owner").isPresent() || caller.email() == null) {
            owner = params.email("owner");
        } else {
            owner = caller.email();
        }
        Optional<FollowUpStatus> status = params.optional("status").map(FollowUpsHandler::status);
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
                                    : reader.accounts().stream().map(Account::tenantId).toList();
                    List<FollowUp> all = new ArrayList<>();
                    for (String t : tenants) {
                        all.addAll(reader.followUps(t));
                    }
                    FollowUpList list =
                            page(
                                    all,
                                    hasStatus(status).and(f -> owner.equalsIgnoreCase(f.owner())),
                                    limit);
                    RequestAccess.touched(
                            ctx,
                            tenant.isPresent()
                                    ? tenants
                                    : list.followUps().stream()
                                            .map(FollowUp::tenantId)
                                            .distinct()
                                            .toList());
                    return list;
                });
    }

    private FollowUpList page(List<FollowUp> all, Predicate<FollowUp> filter, int limit) {
        List<FollowUp> matching = new ArrayList<>(all.stream().filter(filter).toList());
        matching.sort(BY_DUE_DATE);
        List<FollowUp> page = List.copyOf(matching.subList(0, Math.min(limit, matching.size())));
        return new FollowUpList(page.size(), matching.size() > page.size(), page, clock.instant());
    }

    private void publishCreated(
            RoutingContext ctx, String tenant, FollowUpCommand command, Instant now) {
        FollowUp created = FollowUpLifecycle.apply(null, tenant, command, now).followUp();
        publish(ctx, tenant, command)
                .onSuccess(
                        done -> {
                            ctx.response().putHeader(HttpHeaders.LOCATION, FollowUp.link(tenant));
                            JsonReply.send(ctx, 202, created);
                        })
                .onFailure(ctx::fail);
    }

    private Future<Void> publish(RoutingContext ctx, String tenant, FollowUpCommand command) {
        return Future.fromCompletionStage(
                        publisher.publishFollowUpCommand(tenant, command),
                        ctx.vertx().getOrCreateContext())
                .recover(
                        failure ->
                                Future.failedFuture(
                                        ProblemException.unavailable(
                                                "the follow-up could not be recorded; retry",
                                                RETRY_AFTER)));
    }

    /** A create command with a new id; a 400 problem when it breaks a lifecycle rule. */
    private static FollowUpCommand createCommand(
            String alertId, String title, FollowUpBody body, String by, Instant now) {
        return checked(
                FollowUpCommand.create(
                        UUID.randomUUID().toString(),
                        alertId,
                        title,
                        body.dueDate(),
                        body.owner(),
                        body.note(),
                        by,
                        now));
    }

    private static FollowUpCommand checked(FollowUpCommand command) {
        FollowUpLifecycle.check(command)
                .ifPresent(
                        v -> {
                            throw ProblemException.badParameter(v.field(), v.problem());
                        });
        return command;
    }

    /** Who acts: their e-mail, else (machine callers) their subject. */
    private static String actor(RoutingContext ctx) {
        Principal principal = RequestAccess.principal(ctx);
        return principal.email() != null ? principal.email() : principal.subject();
    }

    /** The owner defaults to the creator, so a caller without an e-mail must name one. */
    private static void requireOwnerUnlessPerson(RoutingContext ctx, FollowUpBody body) {
        if (body.owner() == null && RequestAccess.principal(ctx).email() == null) {
            throw ProblemException.badParameter(
                    "owner", "is required when the caller has no e-mail (e.g. an API key)");
        }
    }

    /** A create names no status but open; a null due date means none, as when absent. */
    private static void refuseStatus(FollowUpBody body) {
        if (body.status() != null && body.status() != FollowUpStatus.OPEN) {
            throw ProblemException.badParameter("status", "must be open (or absent) on create");
        }
    }

    /** The alert's explanation, shortened to fit a title. */
    static String titleFrom(String explanation) {
        String text = explanation == null || explanation.isBlank() ? "Follow up" : explanation;
        String stripped = text.strip();
        int max = FollowUpLifecycle.MAX_TITLE;
        return stripped.length() <= max ? stripped : stripped.substring(0, max - 1) + "…";
    }

    private static String followUpId(String value) {
        try {
            if (value != null && value.length() == 36) {
                return UUID.fromString(value).toString();
            }
        } catch (IllegalArgumentException e) {
            // answered below
        }
        throw ProblemException.badParameter(ID, "must be a follow-up id (a UUID)");
    }

    private static Predicate<FollowUp> hasStatus(Optional<FollowUpStatus> status) {
        return f -> status.isEmpty() || f.status() == status.get();
    }

    private static FollowUpStatus status(String value) {
        return FollowUpStatus.fromLabel(value)
                .orElseThrow(
                        () ->
                                ProblemException.badParameter(
                                        "status", "must be open, done or cancelled"));
    }

    private static LocalDate today(Instant now) {
        return LocalDate.ofInstant(now, ZoneOffset.UTC);
    }
}
