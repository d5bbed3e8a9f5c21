package dev.pulse.api.accounts;

import dev.pulse.access.accounts.Accounts;
import dev.pulse.access.security.Caller;
import dev.pulse.api.auth.RequestAccess;
import dev.pulse.api.http.BlockingReads;
import dev.pulse.api.http.PathParams;
import dev.pulse.api.http.ProblemException;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code GET /v1/accounts/{tenant}}: one account with its health score and engagement. A tenant
 * with neither an account nor a score is unknown: 404; one outside the caller's scope is 403
 * (raised by the scope-checked reader).
 */
public final class AccountDetailHandler implements Handler<RoutingContext> {
    private final Accounts accounts;
    private final BlockingReads reads;

    public AccountDetailHandler(Accounts accounts, BlockingReads reads) {
        this.accounts = accounts;
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
                        AccountView.of(
                                accounts.snapshot(caller, tenant)
                                        .orElseThrow(() -> unknownTenant(tenant))));
    }

    /** The 404 of a tenant with neither an account nor a score. */
    public static ProblemException unknownTenant(String tenant) {
        return ProblemException.notFound(
                "no account and no health score for tenant '" + tenant + "'");
    }
}
