package dev.pulse.access.funnels;

import dev.pulse.access.security.Caller;
import dev.pulse.topologies.account.Account;
import dev.pulse.topologies.funnel.Funnel;
import dev.pulse.topologies.funnel.FunnelDay;
import dev.pulse.topologies.funnel.FunnelDefinitions;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Product adoption funnels, for every front end: the definitions, one tenant's funnel against the
 * caller's portfolio, and a funnel rolled up over a set of the caller's accounts. Everything is
 * read through the caller's reader: a tenant outside the scope is refused before anything is read,
 * and a roll-up only ever sums the accounts the caller sees. Each report is one batched read of
 * daily tallies (see {@link FunnelRollup} for the arithmetic).
 */
public final class Funnels {
    private final FunnelDefinitions definitions;

    public Funnels(FunnelDefinitions definitions) {
        this.definitions = definitions;
    }

    /** Every funnel, in the configuration's order. */
    public List<Funnel> list() {
        return definitions.funnels();
    }

    public Optional<Funnel> find(String id) {
        return definitions.find(id);
    }

    /**
     * One tenant's funnel, the same funnel over every account the caller sees, and the step where
     * the tenant falls furthest behind.
     *
     * @throws dev.pulse.access.security.AccessDeniedException when the tenant is outside the scope
     */
    public FunnelReport forTenant(
            Caller caller, Funnel funnel, String tenant, Instant from, Instant to) {
        List<FunnelDay> days = caller.reader().funnelDays(tenant, from, to);
        List<StepResult> steps = new FunnelRollup(funnel).add(days).steps();
        List<Account> portfolioAccounts = caller.reader().accounts();
        List<StepResult> portfolio = rollUp(caller, funnel, portfolioAccounts, from, to);
        return new FunnelReport(
                funnel,
                tenant,
                null,
                from,
                to,
                1,
                steps,
                portfolio,
                FunnelRollup.stallStep(steps, portfolio),
                tenantIds(portfolioAccounts));
    }

    /**
     * A funnel summed over the caller's accounts that {@code filter} keeps.
     *
     * @param segment names the filter in the report (a saved segment's id); null for none
     */
    public FunnelReport forAccounts(
            Caller caller,
            Funnel funnel,
            Predicate<Account> filter,
            String segment,
            Instant from,
            Instant to) {
        List<Account> accounts = caller.reader().accounts().stream().filter(filter).toList();
        return new FunnelReport(
                funnel,
                null,
                segment,
                from,
                to,
                accounts.size(),
                rollUp(caller, funnel, accounts, from, to),
                null,
                null,
                tenantIds(accounts));
    }

    private static List<String> tenantIds(List<Account> accounts) {
        return accounts.stream().map(Account::tenantId).toList();
    }

    private static List<StepResult> rollUp(
            Caller caller, Funnel funnel, List<Account> accounts, Instant from, Instant to) {
        Map<String, List<FunnelDay>> days = caller.reader().funnelDaysOf(accounts, from, to);
        FunnelRollup rollup = new FunnelRollup(funnel);
        days.values().forEach(rollup::add);
        return rollup.steps();
    }
}
