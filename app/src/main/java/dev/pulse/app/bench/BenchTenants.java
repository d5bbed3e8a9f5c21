package dev.pulse.app.bench;

import dev.pulse.topologies.account.Account;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The benchmark's customer base: tenants {@code bench-00000…}, each with an account of 60 licensed
 * seats, 30 tenants per account manager ({@code am-00@bench.pulse.dev}, …); every other account is
 * on the {@value #SEGMENT_PLAN} plan, the half an analyst's segment selects.
 */
public final class BenchTenants {
    /** Accounts per account manager: the portfolio size of the portfolio query. */
    public static final int ACCOUNTS_PER_OWNER = 30;

    /** The plan of every odd account: the bench segment's criterion. */
    public static final String SEGMENT_PLAN = "enterprise";

    /** An analyst who sees every account: the segment and journey queries' caller. */
    public static final String ANALYST = "analyst@bench.pulse.dev";

    /** A machine user of role ingest: the HTTP ingest phase's caller. */
    public static final String LOADER = "loader@bench.pulse.dev";

    private static final long LICENSED_SEATS = 60;

    private final List<String> ids;
    private final List<String> owners;

    private BenchTenants(List<String> ids, List<String> owners) {
        this.ids = List.copyOf(ids);
        this.owners = List.copyOf(owners);
    }

    public static BenchTenants of(int count) {
        List<String> ids = new ArrayList<>(count);
        List<String> owners = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(String.format(Locale.ROOT, "bench-%05d", i));
            if (i % ACCOUNTS_PER_OWNER == 0) {
                owners.add(
                        String.format(
                                Locale.ROOT, "am-%02d@bench.pulse.dev", i / ACCOUNTS_PER_OWNER));
            }
        }
        return new BenchTenants(ids, owners);
    }

    public List<String> ids() {
        return ids;
    }

    public int size() {
        return ids.size();
    }

    /** The account manager who owns the tenant at {@code index} of {@link #ids()}. */
    public String ownerOf(int index) {
        return owners.get(index / ACCOUNTS_PER_OWNER);
    }

    /** Every account manager; the last may own fewer than 30 accounts. */
    public List<String> owners() {
        return owners;
    }

    /** Account managers who own a full portfolio of 30, or all of them if none does. */
    public List<String> fullPortfolioOwners() {
        int full = ids.size() / ACCOUNTS_PER_OWNER;
        return full == 0 ? owners : owners.subList(0, full);
    }

    /** The account directory entries, renewing in six months. */
    public List<Account> accounts(LocalDate today) {
        List<Account> accounts = new ArrayList<>(ids.size());
        for (int i = 0; i < ids.size(); i++) {
            accounts.add(
                    new Account(
                            ids.get(i),
                            "Bench Customer " + i,
                            ownerOf(i),
                            "bench",
                            i % 2 == 1 ? SEGMENT_PLAN : "growth",
                            LICENSED_SEATS,
                            48_000.0,
                            today.plusMonths(6),
                            "mid-market"));
        }
        return accounts;
    }
}
