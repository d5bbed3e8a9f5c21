package dev.pulse.app.simulator;

import dev.pulse.topologies.account.Account;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * The demo's customers: accounts with their owners, the account managers and their teams, and how
 * each tenant behaves. Every account carries its usage pattern as the {@code pattern} attribute;
 * none is churned yet: the fading ones leave 7–40 days after the anchor. Immutable; the same seed,
 * size and anchor give the same base.
 */
public final class DemoCustomerBase {
    private final Instant anchor;
    private final List<Account> accounts;
    private final List<AccountManager> accountManagers;
    private final List<DemoTeam> teams;
    private final Map<String, TenantBehaviour> behaviours;

    DemoCustomerBase(
            Instant anchor,
            List<Account> accounts,
            List<AccountManager> accountManagers,
            List<DemoTeam> teams,
            List<TenantBehaviour> behaviours) {
        this.anchor = anchor;
        this.accounts = List.copyOf(accounts);
        this.accountManagers = List.copyOf(accountManagers);
        this.teams = List.copyOf(teams);
        Map<String, TenantBehaviour> byTenant = new LinkedHashMap<>();
        for (TenantBehaviour behaviour : behaviours) {
            byTenant.put(behaviour.tenantId(), behaviour);
        }
        this.behaviours = Collections.unmodifiableMap(byTenant);
    }

    /**
     * Generates a customer base.
     *
     * @param tenants how many tenants (the demo uses 150)
     * @param anchor where the simulated history ends and live traffic begins; renewals, fades and
     *     the other dated stories are placed relative to it
     */
    public static DemoCustomerBase generate(long seed, int tenants, Instant anchor) {
        return new DemoCustomerBaseGenerator(seed, tenants, anchor).generate();
    }

    /** The moment the simulated history ends. */
    public Instant anchor() {
        return anchor;
    }

    /**
     * Every account, in tenant order: dealt round-robin to the managers, troubled tenants first, so
     * each manager's first account is a fading one that renews (and is planned to leave) within 14
     * days.
     */
    public List<Account> accounts() {
        return accounts;
    }

    /** The account managers; the first is Sarah Chen. */
    public List<AccountManager> accountManagers() {
        return accountManagers;
    }

    public List<DemoTeam> teams() {
        return teams;
    }

    /** Every tenant's behaviour, in tenant order. */
    public List<TenantBehaviour> behaviours() {
        return List.copyOf(behaviours.values());
    }

    public TenantBehaviour behaviour(String tenantId) {
        TenantBehaviour behaviour = behaviours.get(tenantId);
        if (behaviour == null) {
            throw new NoSuchElementException("no demo tenant '" + tenantId + "'");
        }
        return behaviour;
    }

    /** Tenant ids of one pattern, in tenant order. */
    public List<String> tenantsOf(UsagePattern pattern) {
        return behaviours.values().stream()
                .filter(b -> b.pattern() == pattern)
                .map(TenantBehaviour::tenantId)
                .toList();
    }

    /**
     * The day a fading tenant will leave (7–40 days after the anchor): from then on it sends
     * nothing. Empty for every other tenant. Its account does not say so: at the anchor nobody
     * knows yet.
     */
    public Optional<LocalDate> plannedChurn(String tenantId) {
        return behaviour(tenantId).effect(Fade.class).map(Fade::churnedAt);
    }

    /** The accounts owned by the account manager with this e-mail. */
    public List<Account> accountsOf(String ownerEmail) {
        return accounts.stream().filter(a -> a.owner().equals(ownerEmail)).toList();
    }
}
