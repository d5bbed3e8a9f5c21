package dev.pulse.access.summary;

import dev.pulse.streams.read.ReadFreshness;
import dev.pulse.streams.read.TenantStateReader;
import dev.pulse.topologies.account.Account;
import dev.pulse.topologies.health.HealthScore;
import dev.pulse.topologies.time.UtcDays;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

/**
 * Reads every account's figures for a range, chunks in parallel on the given executor: one batch
 * read of current scores, then the per-account history and engagement reads in chunks.
 *
 * <p>Per account it reads the end-of-day score of the day before the range, the last month of
 * end-of-day scores before the range's end (end-of-day history has no gaps once a tenant is
 * active), and the engagement totals over the range.
 */
final class SummaryReader {
    private static final int CHUNK = 50;
    private static final Duration END_LOOKBACK = Duration.ofDays(31);

    private final TenantStateReader reader;
    private final Executor executor;

    SummaryReader(TenantStateReader reader, Executor executor) {
        this.reader = reader;
        this.executor = executor;
    }

    List<TenantPeriod> read(Instant from, Instant to, Instant now) {
        return read(reader.accounts(), from, to, now);
    }

    /** The periods of these accounts, which the reader must allow. */
    List<TenantPeriod> read(List<Account> accounts, Instant from, Instant to, Instant now) {
        Instant today = UtcDays.startOfDay(now);
        Map<String, HealthScore> current =
                to.isAfter(today) && !accounts.isEmpty()
                        ? reader.currentScores(accounts.stream().map(Account::tenantId).toList())
                        : Map.of();
        List<CompletableFuture<List<TenantPeriod>>> chunks = new ArrayList<>();
        for (int i = 0; i < accounts.size(); i += CHUNK) {
            List<Account> chunk = accounts.subList(i, Math.min(accounts.size(), i + CHUNK));
            chunks.add(
                    CompletableFuture.supplyAsync(
                            // Copies a chunk reads make the whole answer stale (Pulse-Stale).
                            ReadFreshness.forThisRequest(
                                    () ->
                                            chunk.stream()
                                                    .map(
                                                            account ->
                                                                    period(
                                                                            account,
                                                                            current.get(
                                                                                    account
                                                                                            .tenantId()),
                                                                            from,
                                                                            to,
                                                                            today))
                                                    .toList()),
                            executor));
        }
        List<TenantPeriod> all = new ArrayList<>(accounts.size());
        for (CompletableFuture<List<TenantPeriod>> chunk : chunks) {
            all.addAll(joined(chunk));
        }
        return all;
    }

    /** A chunk's periods; its failure (e.g. state unavailable) is rethrown as itself. */
    private static List<TenantPeriod> joined(CompletableFuture<List<TenantPeriod>> chunk) {
        try {
            return chunk.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    private TenantPeriod period(
            Account account, HealthScore current, Instant from, Instant to, Instant today) {
        String tenant = account.tenantId();
        Instant dayBefore = UtcDays.startOf(PeriodScores.dayBefore(from));
        HealthScore start =
                PeriodScores.start(
                        reader.dailyScores(tenant, dayBefore, dayBefore.plus(UtcDays.DAY)), from);
        HealthScore end;
        if (to.isAfter(today) && current != null) {
            end = current;
        } else {
            Instant lookback = to.minus(END_LOOKBACK);
            Instant endFrom = lookback.isAfter(dayBefore) ? lookback : dayBefore;
            end = PeriodScores.end(reader.dailyScores(tenant, endFrom, to), null, to, today);
        }
        return new TenantPeriod(account, end, start, reader.engagementTotals(tenant, from, to));
    }
}
