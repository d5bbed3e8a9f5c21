package dev.pulse.app.simulator;

import dev.pulse.topologies.account.Account;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * The demo's customers: accounts with their owners, the account managers and their teams, and how
 * each tenant behaves. Immutable; the same seed, size and anchor give the same base.
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
     * @param anchor where the simulated history ends and live traffic begins; renewals and declines
     *     are placed relative to it
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
     * each manager's first account is a declining or idle one that renews within 45 days.
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

    /** Tenant ids of one archetype, in tenant order. */
    public List<String> tenantsOf(Archetype archetype) {
        return behaviours.values().stream()
                .filter(b -> b.archetype() == archetype)
                .map(TenantBehaviour::tenantId)
                .toList();
    }

    /** The accounts owned by the account manager with this e-mail. */
    public List<Account> accountsOf(String ownerEmail) {
        return accounts.stream().filter(a -> a.owner().equals(ownerEmail)).toList();
    }
}
