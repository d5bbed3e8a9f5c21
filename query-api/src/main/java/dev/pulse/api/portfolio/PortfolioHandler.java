package dev.pulse.api.portfolio;

import dev.pulse.access.security.AccessScope;
import dev.pulse.access.security.Principal;
import dev.pulse.api.auth.RequestAccess;
import dev.pulse.api.http.BlockingReads;
import dev.pulse.api.http.ProblemException;
import dev.pulse.api.http.RequestParams;
import dev.pulse.streams.read.TenantStateReader;
import dev.pulse.topologies.account.Account;
import dev.pulse.topologies.health.HealthScore;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /v1/portfolio?owner=EMAIL}: the accounts an account manager owns, joined with their
 * current scores in one batch read, riskiest first. Without {@code owner}, the caller's own
 * portfolio. An owner the caller's scope does not cover is 403; an owner with no accounts gets an
 * empty list.
 */
public final class PortfolioHandler implements Handler<RoutingContext> {
    private final Clock clock;
    private final BlockingReads reads;

    public PortfolioHandler(Clock clock, BlockingReads reads) {
        this.clock = clock;
        this.reads = reads;
    }

    @Override
    public void handle(RoutingContext ctx) {
        RequestParams params = RequestParams.of(ctx);
        Principal caller = RequestAccess.principal(ctx);
        String owner =
                params.optional("owner").isPresent() || caller.email() == null
                        ? params.email("owner")
                        : caller.email();
        TenantStateReader reader = RequestAccess.reader(ctx);
        AccessScope scope = RequestAccess.scope(ctx);
        reads.respondJson(
                ctx,
                () -> {
                    if (!scope.allowsOwner(owner)) {
                        throw ProblemException.forbidden(
                                "you may not see the portfolio of "
                                        + owner
                                        + ": it is outside your scope ("
                                        + scope.describe()
                                        + ")");
                    }
                    Portfolio portfolio = portfolio(reader, owner);
                    RequestAccess.touched(
                            ctx,
                            portfolio.accounts().stream().map(PortfolioItem::tenantId).toList());
                    return portfolio;
                });
    }

    private Portfolio portfolio(TenantStateReader reader, String owner) {
        List<Account> owned =
                reader.accounts().stream()
                        .filter(account -> owner.equalsIgnoreCase(account.owner()))
                        .toList();
        Map<String, HealthScore> scores =
                owned.isEmpty()
                        ? Map.of()
                        : reader.currentScores(owned.stream().map(Account::tenantId).toList());
        List<PortfolioItem> items = PortfolioRanking.rank(owned, scores);
        return new Portfolio(owner, items.size(), items, clock.instant());
    }
}
