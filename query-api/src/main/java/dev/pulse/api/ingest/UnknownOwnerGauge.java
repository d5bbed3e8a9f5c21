package dev.pulse.api.ingest;

import dev.pulse.access.accounts.AccountOwnerCheck;
import dev.pulse.streams.read.TenantStateReader;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * {@code pulse_accounts_unknown_owner}: how many accounts of the directory have an owner who is not
 * a Pulse user. It reads this instance's copy of the global accounts table, so it counts accounts
 * from every source (the API, the accounts topic, the warehouse) alike. Computed per scrape, which
 * runs off the event loop; NaN while the table cannot be read.
 */
public final class UnknownOwnerGauge {
    public static final String NAME = "pulse.accounts.unknown.owner";

    private UnknownOwnerGauge() {}

    /**
     * @param local reads this instance's stores only: the accounts table is global
     */
    public static void bindTo(
            MeterRegistry registry, AccountOwnerCheck owners, TenantStateReader local) {
        Gauge.builder(NAME, () -> count(owners, local))
                .description(
                        "Accounts whose owner is not a Pulse user (not in users.yaml); they are"
                                + " kept, but their alerts reach no one")
                .register(registry);
    }

    private static double count(AccountOwnerCheck owners, TenantStateReader local) {
        try {
            return owners.countUnknown(local.accounts());
        } catch (RuntimeException e) {
            // Not ready yet (or rebalancing): an unknown count, not a false zero.
            return Double.NaN;
        }
    }
}
