package dev.pulse.access.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pulse.access.funnels.FunnelReport;
import dev.pulse.access.funnels.Funnels;
import dev.pulse.access.funnels.StepResult;
import dev.pulse.access.security.AccessDeniedException;
import dev.pulse.access.security.AccessScope;
import dev.pulse.access.security.AuthorizedStateReader;
import dev.pulse.access.security.Caller;
import dev.pulse.access.security.Principal;
import dev.pulse.access.security.Role;
import dev.pulse.access.security.ScopeSpec;
import dev.pulse.access.testing.InMemoryState;
import dev.pulse.topologies.account.Account;
import dev.pulse.topologies.funnel.Funnel;
import dev.pulse.topologies.funnel.FunnelDay;
import dev.pulse.topologies.funnel.FunnelDefinitions;
import dev.pulse.topologies.funnel.FunnelStep;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The funnel use case over tenant state in maps, in a caller's scope. */
class FunnelsTest {
    private static final Instant FROM = Instant.parse("2026-11-01T00:00:00Z");
    private static final Instant TO = Instant.parse("2026-12-01T00:00:00Z");
    private static final String SARAH = "sarah@example.com";
    private static final Funnel FUNNEL =
            new Funnel(
                    "reporting",
                    "Reporting adoption",
                    Duration.ofDays(14),
                    List.of(
                            new FunnelStep("login", "First login", "login", null),
                            new FunnelStep("reports", "Used reports", "feature_used", "reports"),
                            new FunnelStep("exports", "Exported", "feature_used", "exports")));

    private final InMemoryState state = new InMemoryState();
    private final Funnels funnels = new Funnels(new FunnelDefinitions("1", List.of(FUNNEL)));

    @Test
    void comparesATenantWithThePortfolioAndNamesWhereItsUsersStall() {
        own("acme", 20, 12, 1);
        own("globex", 100, 60, 40);
        own("initech", 50, 30, 20);
        other("umbrella", 1000, 0, 0);

        FunnelReport report = funnels.forTenant(sarah(), FUNNEL, "acme", FROM, TO);

        assertThat(report.steps()).extracting(StepResult::users).containsExactly(20L, 12L, 1L);
        assertThat(report.portfolio())
                .extracting(StepResult::users)
                .containsExactly(170L, 102L, 61L);
        assertThat(report.stallStep()).isEqualTo("exports");
        assertThat(report.tenantIds()).containsExactly("acme", "globex", "initech");
    }

    @Test
    void refusesATenantOutsideTheScopeBeforeReadingIt() {
        other("umbrella", 10, 5, 1);

        assertThatThrownBy(() -> funnels.forTenant(sarah(), FUNNEL, "umbrella", FROM, TO))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void rollsUpOnlyTheAccountsInScopeThatTheFilterKeeps() {
        own("acme", 20, 12, 1);
        own("globex", 100, 60, 40);
        other("umbrella", 1000, 0, 0);

        FunnelReport report =
                funnels.forAccounts(
                        sarah(), FUNNEL, a -> !a.tenantId().equals("globex"), "seg-1", FROM, TO);

        assertThat(report.accounts()).isEqualTo(1);
        assertThat(report.segment()).isEqualTo("seg-1");
        assertThat(report.steps()).extracting(StepResult::users).containsExactly(20L, 12L, 1L);
        assertThat(report.portfolio()).isNull();
    }

    @Test
    void answersForFiveHundredAccountsWellUnderATenthOfASecond() {
        for (int i = 0; i < 500; i++) {
            String tenant = "t" + i;
            state.accounts.add(account(tenant, SARAH));
            List<FunnelDay> days = new ArrayList<>();
            for (int d = 0; d < 30; d++) {
                days.add(day(FROM.plus(Duration.ofDays(d)), 5 + i % 7, 3, 1 + i % 2));
            }
            state.funnelDays.put(tenant, days);
        }
        Caller sarah = sarah();
        long best = Long.MAX_VALUE;
        for (int run = 0; run < 5; run++) {
            long start = System.nanoTime();
            funnels.forTenant(sarah, FUNNEL, "t7", FROM, TO);
            best = Math.min(best, System.nanoTime() - start);
        }
        assertThat(Duration.ofNanos(best)).isLessThan(Duration.ofMillis(100));
    }

    private void own(String tenant, int login, int reports, int exports) {
        state.accounts.add(account(tenant, SARAH));
        state.funnelDays.put(
                tenant, List.of(day(FROM.plus(Duration.ofDays(3)), login, reports, exports)));
    }

    private void other(String tenant, int login, int reports, int exports) {
        state.accounts.add(account(tenant, "david@example.com"));
        state.funnelDays.put(tenant, List.of(day(FROM, login, reports, exports)));
    }

    private static FunnelDay day(Instant at, int login, int reports, int exports) {
        FunnelDay d = FunnelDay.empty(at);
        int[] users = {login, reports, exports};
        for (int step = 0; step < 3; step++) {
            for (int i = 0; i < users[step]; i++) {
                d = d.plus("reporting", 3, step, Duration.ofHours(2).toMillis());
            }
        }
        return d;
    }

    private Caller sarah() {
        AccessScope scope =
                new AccessScope() {
                    @Override
                    public boolean allowsTenant(String tenantId) {
                        return state.account(tenantId).map(this::allowsAccount).orElse(false);
                    }

                    @Override
                    public boolean allowsAccount(Account account) {
                        return SARAH.equals(account.owner());
                    }

                    @Override
                    public boolean allowsOwner(String ownerEmail) {
                        return SARAH.equals(ownerEmail);
                    }

                    @Override
                    public boolean isUnlimited() {
                        return false;
                    }

                    @Override
                    public String describe() {
                        return "accounts owned by " + SARAH;
                    }
                };
        return new Caller(
                new Principal(SARAH, SARAH, Role.VIEWER, ScopeSpec.parse("own"), "test"),
                scope,
                new AuthorizedStateReader(state, scope));
    }

    private static Account account(String tenant, String owner) {
        return new Account(tenant, tenant + " Inc.", owner, null, "pro", 10L, 1e5, null, null);
    }
}
