package dev.pulse.api.accounts;

import dev.pulse.api.auth.RequestAccess;
import dev.pulse.api.http.BlockingReads;
import dev.pulse.api.http.PathParams;
import dev.pulse.api.http.ProblemException;
import dev.pulse.streams.read.TenantStateReader;
import dev.pulse.topologies.account.Account;
import dev.pulse.topologies.health.HealthScore;
import dev.pulse.topologies.time.UtcDays;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.Instant;

/**
 * {@code GET /v1/accounts/{tenant}}: one account with its health score and engagement. A tenant
 * with neither an account nor a score is unknown: 404; one outside the caller's scope is 403
 * (raised by the scope-checked reader).
 */
public final class AccountDetailHandler implements Handler<RoutingContext> {
    private final Clock clock;
    private final BlockingReads reads;

    public AccountDetailHandler(Clock clock, BlockingReads reads) {
        this.clock = clock;
        this.reads = reads;
    }

    @Override
    public void handle(RoutingContext ctx) {
        String tenant = PathParams.tenant(ctx);
        TenantStateReader reader = RequestAccess.reader(ctx);
        RequestAccess.touched(ctx, tenant);
        reads.respondJson(ctx, () -> view(reader, tenant));
    }

    private AccountView view(TenantStateReader reader, String tenant) {
        Account account = reader.account(tenant).orElse(null);
        HealthScore score = reader.currentScore(tenant).orElse(null);
        if (account == null && score == null) {
            throw unknownTenant(tenant);
        }
        Instant now = clock.instant();
        Instant today = UtcDays.startOfDay(now);
        AccountView.Engagement engagement =
                new AccountView.Engagement(
                        reader.engagementTotals(
                                tenant, today.minus(UtcDays.DAY.multipliedBy(6)), now),
                        reader.engagementTotals(
                                tenant, today.minus(UtcDays.DAY.multipliedBy(29)), now));
        return AccountView.of(tenant, account, score, engagement);
    }

    /** The 404 of a tenant with neither an account nor a score. */
    public static ProblemException unknownTenant(String tenant) {
        return ProblemException.notFound(
                "no account and no health score for tenant '" + tenant + "'");
    }
}
