package dev.pulse.api.followups;

import dev.pulse.access.followups.FollowUpChange;
import dev.pulse.access.followups.FollowUpDraft;
import dev.pulse.access.followups.FollowUpResult;
import dev.pulse.access.followups.FollowUps;
import dev.pulse.access.security.Caller;
import dev.pulse.api.alerts.AlertsHandler;
import dev.pulse.api.auth.RequestAccess;
import dev.pulse.api.http.BlockingReads;
import dev.pulse.api.http.JsonReply;
import dev.pulse.api.http.PathParams;
import dev.pulse.api.http.ProblemException;
import dev.pulse.api.http.RequestParams;
import dev.pulse.api.http.SegmentFilters;
import dev.pulse.topologies.alert.Alert;
import dev.pulse.topologies.followup.FollowUp;
import dev.pulse.topologies.followup.FollowUpStatus;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.function.Predicate;

/**
 * Follow-up action items over HTTP; what is allowed is decided by {@link FollowUps}. {@code POST
 * /v1/accounts/{tenant}/follow-ups} and {@code POST /v1/alerts/{tenant}/{rule}/follow-up} create
 * one (202 with the follow-up as it will be), {@code PATCH /v1/follow-ups/{tenant}/{id}} changes it
 * (202, or 200 when nothing changes). {@code GET /v1/accounts/{tenant}/follow-ups} lists an
 * account's, {@code GET /v1/follow-ups} an owner's across the caller's scope.
 */
public final class FollowUpsHandler {
    /** Path parameter holding the follow-up id. */
    public static final String ID = "id";

    private static final int DEFAULT_LIMIT = 100;
    private static final int MAX_LIMIT = 1000;

    private final FollowUps followUps;
    private final Clock clock;
    private final BlockingReads reads;
    private final SegmentFilters segments;

    public FollowUpsHandler(
            FollowUps followUps, Clock clock, BlockingReads reads, SegmentFilters segments) {
        this.followUps = followUps;
        this.clock = clock;
        this.reads = reads;
        this.segments = segments;
    }

    /** {@code POST /v1/accounts/{tenant}/follow-ups}. */
    public void create(RoutingContext ctx) {
        String tenant = PathParams.tenant(ctx);
        FollowUpDraft draft = draft(FollowUpBody.read(ctx, today()));
        Caller caller = RequestAccess.caller(ctx);
        answer(ctx, tenant, true, () -> followUps.create(caller, tenant, draft));
    }

    /** {@code POST /v1/alerts/{tenant}/{rule}/follow-up}: title defaults to the explanation. */
    public void createFromAlert(RoutingContext ctx) {
        String tenant = PathParams.tenant(ctx);
        String alertId = Alert.id(tenant, AlertsHandler.ruleId(ctx.pathParam(AlertsHandler.RULE)));
        FollowUpDraft draft = draft(FollowUpBody.read(ctx, today()));
        Caller caller = RequestAccess.caller(ctx);
        answer(ctx, tenant, true, () -> followUps.createFromAlert(caller, alertId, draft));
    }

    /** {@code PATCH /v1/follow-ups/{tenant}/{id}}. */
    public void update(RoutingContext ctx) {
        String tenant = PathParams.tenant(ctx);
        String id = followUpId(ctx.pathParam(ID));
        FollowUpBody body = FollowUpBody.read(ctx, today());
        if (body.isEmpty()) {
            throw ProblemException.badRequest(
                    "give at least one of 'status', 'title', 'dueDate', 'owner' and 'note'");
        }
        FollowUpChange change =
                new FollowUpChange(
                        body.status(),
                        body.title(),
                        body.dueDate(),
                        body.clearDueDate(),
                        body.owner(),
                        body.note());
        Caller caller = RequestAccess.caller(ctx);
        answer(ctx, tenant, false, () -> followUps.update(caller, tenant, id, change));
    }

    /** {@code GET /v1/accounts/{tenant}/follow-ups}. */
    public void listForAccount(RoutingContext ctx) {
        String tenant = PathParams.tenant(ctx);
        RequestParams params = RequestParams.of(ctx);
        Predicate<FollowUp> matching = hasStatus(params);
        int limit = params.integer("limit", DEFAULT_LIMIT, 1, MAX_LIMIT);
        Caller caller = RequestAccess.caller(ctx);
        reads.respondJson(
                ctx,
                () -> {
                    RequestAccess.touched(ctx, tenant);
                    List<FollowUp> found =
                            followUps
                                    .ofAccount(caller, tenant, matching)
                                    .orElseThrow(
                                            () ->
                                                    ProblemException.notFound(
                                                            "no account '"
                                                                    + tenant
                                                                    + "' in the directory"));
                    return page(found, limit);
                });
    }

    /**
     * {@code GET /v1/follow-ups}: one owner's follow-ups (the caller's unless {@code owner} is
     * given) on the accounts in the caller's scope, or on one account ({@code tenant}); {@code
     * segment} keeps a saved segment's accounts (unknown: 404; not with {@code tenant}).
     */
    public void listForOwner(RoutingContext ctx) {
        RequestParams params = RequestParams.of(ctx);
        Caller caller = RequestAccess.caller(ctx);
        String owner = params.ownerOr(caller.principal().email());
        Predicate<FollowUp> matching = hasStatus(params);
        Optional<String> tenant =
                params.optional("tenant").map(t -> PathParams.tenantId("tenant", t));
        int limit = params.integer("limit", DEFAULT_LIMIT, 1, MAX_LIMIT);
        String segment = SegmentFilters.parameter(params);
        if (tenant.isPresent() && segment != null) {
            throw ProblemException.badParameter(
                    SegmentFilters.PARAMETER, "cannot be given with 'tenant'");
        }
        reads.respondJson(
                ctx,
                () -> {
                    FollowUpList list =
                            page(
                                    followUps.ofOwner(
                                            caller,
                                            owner,
                                            tenant,
                                            segments.of(caller, segment),
                                            matching),
                                    limit);
                    RequestAccess.touched(
                            ctx,
                            tenant.isPresent()
                                    ? List.of(tenant.get())
                                    : list.followUps().stream()
                                            .map(FollowUp::tenantId)
                                            .distinct()
                                            .toList());
                    return list;
                });
    }

    private void answer(
            RoutingContext ctx, String tenant, boolean create, Callable<FollowUpResult> work) {
        reads.runMarkingStale(
                        ctx,
                        () -> {
                            RequestAccess.touched(ctx, tenant);
                            return work.call();
                        })
                .onSuccess(result -> reply(ctx, tenant, create, result))
                .onFailure(ctx::fail);
    }

    private static void reply(
            RoutingContext ctx, String tenant, boolean create, FollowUpResult result) {
        if (result instanceof FollowUpResult.Accepted accepted) {
            if (create) {
                ctx.response().putHeader(HttpHeaders.LOCATION, FollowUp.link(tenant));
            }
            JsonReply.send(ctx, accepted.changed() ? 202 : 200, accepted.followUp());
        } else if (result instanceof FollowUpResult.NotFound notFound) {
            ctx.fail(ProblemException.notFound(notFound.reason()));
        } else if (result instanceof FollowUpResult.Conflict conflict) {
            ctx.fail(ProblemException.status(409, "Conflict", conflict.reason()));
        } else {
            FollowUpResult.Invalid invalid = (FollowUpResult.Invalid) result;
            ctx.fail(ProblemException.badParameter(invalid.field(), invalid.problem()));
        }
    }

    private FollowUpList page(List<FollowUp> found, int limit) {
        List<FollowUp> page = List.copyOf(found.subList(0, Math.min(limit, found.size())));
        return new FollowUpList(page.size(), found.size() > page.size(), page, clock.instant());
    }

    /** A create names no status but open. */
    private static FollowUpDraft draft(FollowUpBody body) {
        if (body.status() != null && body.status() != FollowUpStatus.OPEN) {
            throw ProblemException.badParameter("status", "must be open (or absent) on create");
        }
        return new FollowUpDraft(body.title(), body.dueDate(), body.owner(), body.note());
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

    private static Predicate<FollowUp> hasStatus(RequestParams params) {
        Optional<FollowUpStatus> status =
                params.optional("status")
                        .map(
                                value ->
                                        FollowUpStatus.fromLabel(value)
                                                .orElseThrow(
                                                        () ->
                                                                ProblemException.badParameter(
                                                                        "status",
                                                                        "must be open, done or"
                                                                                + " cancelled")));
        return f -> status.isEmpty() || f.status() == status.get();
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
