package dev.pulse.api.summary;

import dev.pulse.api.http.BlockingReads;
import dev.pulse.streams.read.TenantStateReader;
import dev.pulse.topologies.account.Account;
import dev.pulse.topologies.health.HealthScore;
import dev.pulse.topologies.time.UtcDays;
import io.vertx.core.Future;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads every account's figures for a range, in parallel on the worker pool: one batch read of
 * current scores, then the per-account history and engagement reads in chunks.
 *
 * <p>Per account it reads the end-of-day score of the day before the range, the last month of
 * end-of-day scores before the range's end (end-of-day history has no gaps once a tenant is
 * active), and the engagement totals over the range.
 */
final class SummaryReader {
    private static final int CHUNK = 50;
    private static final Duration END_LOOKBACK = Duration.ofDays(31);

    private final TenantStateReader reader;
    private final BlockingReads reads;

    SummaryReader(TenantStateReader reader, BlockingReads reads) {
        this.reader = reader;
        this.reads = reads;
    }

    Future<List<TenantPeriod>> read(Instant from, Instant to, Instant now) {
        Instant today = UtcDays.startOfDay(now);
        boolean endIsCurrent = to.isAfter(today);
        return reads.run(reader::accounts)
                .compose(
                        accounts -> {
                            Future<Map<String, HealthScore>> current =
                                    endIsCurrent && !accounts.isEmpty()
                                            ? reads.run(
                                                    () ->
                                                            reader.currentScores(
                                                                    accounts.stream()
                                                                            .map(Account::tenantId)
                                                                            .toList()))
                                            : Future.succeededFuture(Map.of());
                            return current.compose(
                                    scores -> readChunks(accounts, scores, from, to, today));
                        });
    }

    private Future<List<TenantPeriod>> readChunks(
            List<Account> accounts,
            Map<String, HealthScore> current,
            Instant from,
            Instant to,
            Instant today) {
        List<Future<List<TenantPeriod>>> chunks = new ArrayList<>();
        for (int i = 0; i < accounts.size(); i += CHUNK) {
            List<Account> chunk = accounts.subList(i, Math.min(accounts.size(), i + CHUNK));
            chunks.add(
                    reads.run(
                            () -> {
                                List<TenantPeriod> periods = new ArrayList<>(chunk.size());
                                for (Account account : chunk) {
                                    periods.add(
                                            period(
                                                    account,
                                                    current.get(account.tenantId()),
                                                    from,
                                                    to,
                                                    today));
                                }
                                return periods;
                            }));
        }
        return Future.all(chunks)
                .map(
                        done -> {
                            List<TenantPeriod> all = new ArrayList<>(accounts.size());
                            chunks.forEach(chunk -> all.addAll(chunk.result()));
                            return all;
                        });
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
