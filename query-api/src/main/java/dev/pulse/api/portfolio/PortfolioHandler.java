package dev.pulse.api.portfolio;

import dev.pulse.api.http.BlockingReads;
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
 * current scores in one batch read, riskiest first. An owner with no accounts gets an empty list.
 */
public final class PortfolioHandler implements Handler<RoutingContext> {
    private final TenantStateReader reader;
    private final Clock clock;
    private final BlockingReads reads;

    public PortfolioHandler(TenantStateReader reader, Clock clock, BlockingReads reads) {
        this.reader = reader;
        this.clock = clock;
        this.reads = reads;
    }

    @Override
    public void handle(RoutingContext ctx) {
        String owner = RequestParams.of(ctx).email("owner");
        reads.respondJson(ctx, () -> portfolio(owner));
    }

    private Portfolio portfolio(String owner) {
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
