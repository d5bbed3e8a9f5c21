package dev.pulse.app.bench;

import dev.pulse.streams.read.StateUnavailableException;
import dev.pulse.streams.read.TenantStateReader;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/**
 * Waits until a loaded history is scored and served: every tenant's end-of-day score of the last
 * day that can close (the day before yesterday: the history ends yesterday, and a day closes once a
 * later day's events pass its end) reads back through the read layer the API uses. Days close in
 * order, so that one day stands for all before it. Then counts every end-of-day score served.
 *
 * @param scores end-of-day scores readable over every tenant and the whole history
 * @param at {@link System#nanoTime()} when the last tenant's was readable
 */
record ServedScores(long scores, long at) {
    private static final Duration WITHIN = Duration.ofMinutes(30);
    private static final long POLL_NANOS = Duration.ofMillis(200).toNanos();

    static ServedScores await(TenantStateReader reader, List<String> tenants, int days) {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        Instant lastClosed = today.minusDays(2).atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant lastClosedEnd = lastClosed.plus(Duration.ofDays(1));
        List<String> waiting = new ArrayList<>(tenants);
        long deadline = System.nanoTime() + WITHIN.toNanos();
        while (!waiting.isEmpty()) {
            waiting.removeIf(tenant -> served(reader, tenant, lastClosed, lastClosedEnd));
            if (waiting.isEmpty()) {
                break;
            }
            if (System.nanoTime() - deadline > 0) {
                throw new IllegalStateException(
                        waiting.size()
                                + " tenants have no end-of-day score for "
                                + lastClosed
                                + " "
                                + WITHIN
                                + " after the load, e.g. "
                                + waiting.get(0));
            }
            LockSupport.parkNanos(POLL_NANOS);
        }
        long at = System.nanoTime();
        Instant from = today.minusDays(days).atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant to = today.atStartOfDay(ZoneOffset.UTC).toInstant();
        long scores = 0;
        for (String tenant : tenants) {
            scores += reader.dailyScores(tenant, from, to).size();
        }
        return new ServedScores(scores, at);
    }

    private static boolean served(
            TenantStateReader reader, String tenant, Instant from, Instant to) {
        try {
            return !reader.dailyScores(tenant, from, to).isEmpty();
        } catch (StateUnavailableException rebalancing) {
            return false;
        }
    }
}
