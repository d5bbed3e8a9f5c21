package dev.pulse.access.summary;

import dev.pulse.access.security.Caller;
import dev.pulse.topologies.account.Account;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Predicate;

/**
 * Health and engagement over a range for the accounts the caller sees: overall, per owner, and the
 * top and bottom accounts by their score at the end of the range. Filtered by scope, not refused:
 * the caller's reader lists no other accounts.
 */
public final class Summaries {
    private final Clock clock;
    private final Executor reads;

    /**
     * @param reads runs chunks of per-account reads in parallel; must not be the pool the caller
     *     itself runs on, or a full pool waits on itself
     */
    public Summaries(Clock clock, Executor reads) {
        this.clock = clock;
        this.reads = reads;
    }

    /** The summary of {@code [from, to)}, with the {@code n} highest and lowest accounts. */
    public SummaryReport summarize(Caller caller, Instant from, Instant to, int n) {
        return summarize(caller, from, to, n, account -> true);
    }

    /**
     * The summary of the accounts {@code filter} keeps (a segment's: {@code Segments.filter}) among
     * those the caller sees.
     */
    public SummaryReport summarize(
            Caller caller, Instant from, Instant to, int n, Predicate<Account> filter) {
        Instant now = clock.instant();
        List<Account> accounts = caller.reader().accounts().stream().filter(filter).toList();
        return SummaryCalculator.summarize(
                new SummaryReader(caller.reader(), reads).read(accounts, from, to, now),
                n,
                from,
                to,
                now);
    }

    /**
     * Each of these accounts over {@code [from, to)}: score at both ends and engagement, read as
     * the summary reads them. The accounts come from the caller's reader, so they are in scope.
     */
    public List<TenantPeriod> periods(
            Caller caller, List<Account> accounts, Instant from, Instant to) {
        return new SummaryReader(caller.reader(), reads).read(accounts, from, to, clock.instant());
    }

    /** Aggregates of a group of periods, as the summary computes them; owner null for "all". */
    public static GroupSummary group(String owner, List<TenantPeriod> periods) {
        return SummaryCalculator.group(owner, periods);
    }
}
