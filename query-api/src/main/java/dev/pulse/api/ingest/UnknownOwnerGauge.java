package dev.pulse.api.ingest;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.function.IntSupplier;

/**
 * {@code pulse_accounts_unknown_owner}: how many accounts of the directory have an owner who is not
 * a Pulse user. Counted over this instance's copy of the global accounts table, so accounts from
 * every source (the API, the accounts topic, the warehouse) count alike. Computed per scrape, which
 * runs off the event loop; NaN while the table cannot be read.
 */
public final class UnknownOwnerGauge {
    public static final String NAME = "pulse.accounts.unknown.owner";

    private UnknownOwnerGauge() {}

    public static void bindTo(MeterRegistry registry, IntSupplier count) {
        Gauge.builder(NAME, () -> read(count))
                .description(
                        "Accounts whose owner is not a Pulse user (not in users.yaml); they are"
                                + " kept, but their alerts reach no one")
                .register(registry);
    }

    private static double read(IntSupplier count) {
        try {
            return count.getAsInt();
        } catch (RuntimeException e) {
            // Not ready yet (or rebalancing): an unknown count, not a false zero.
            return Double.NaN;
        }
    }
}
