package dev.pulse.api.journey;

import dev.pulse.access.journey.Journeys;
import dev.pulse.access.security.Caller;
import dev.pulse.api.accounts.AccountDetailHandler;
import dev.pulse.api.auth.RequestAccess;
import dev.pulse.api.http.BlockingReads;
import dev.pulse.api.http.PathParams;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code GET /v1/accounts/{tenant}/journey}: the account's current stage, since when and for how
 * many days, and its moves ({@link Journeys#ofAccount}); the stage is null before its first closed
 * day. A tenant with neither an account nor a journey is 404; one outside the caller's scope 403.
 */
public final class AccountJourneyHandler implements Handler<RoutingContext> {
    private final Journeys journeys;
    private final BlockingReads reads;

    public AccountJourneyHandler(Journeys journeys, BlockingReads reads) {
        this.journeys = journeys;
        this.reads = reads;
    }

    @Override
    public void handle(RoutingContext ctx) {
        String tenant = PathParams.tenant(ctx);
        Caller caller = RequestAccess.caller(ctx);
        RequestAccess.touched(ctx, tenant);
        reads.respondJson(
                ctx,
                () ->
                        journeys.ofAccount(caller, tenant)
                                .orElseThrow(() -> AccountDetailHandler.unknownTenant(tenant)));
    }
}
