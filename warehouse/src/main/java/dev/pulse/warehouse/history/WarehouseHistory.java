package dev.pulse.warehouse.history;

import dev.pulse.streams.read.StateUnavailableException;
import dev.pulse.topologies.engagement.EngagementBucket;
import dev.pulse.topologies.health.HealthScore;
import dev.pulse.topologies.json.PulseJson;
import dev.pulse.topologies.serde.EngagementBucketSerde;
import dev.pulse.topologies.time.UtcDays;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Reads the daily tables the sink fills: end-of-day scores and daily engagement buckets of one
 * tenant for UTC days starting in {@code [from, to)}. Blocking, like every read of the read layer;
 * when PostgreSQL cannot answer, the read is unavailable (503 with Retry-After), never silently
 * shorter.
 */
public final class WarehouseHistory {
    static final String SCORES =
            "SELECT snapshot::text FROM score_daily WHERE tenant_id = $1 AND day >= $2 AND day < $3"
                    + " ORDER BY day";
    static final String ENGAGEMENT =
            "SELECT day, bucket FROM engagement_daily WHERE tenant_id = $1 AND day >= $2 AND day <"
                    + " $3 ORDER BY day";
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final Duration RETRY_AFTER = Duration.ofSeconds(5);

    private final Pool pool;

    public WarehouseHistory(Pool pool) {
        this.pool = pool;
    }

    /** End-of-day scores of days starting in {@code [from, to)}, oldest first. */
    public List<HealthScore> dailyScores(String tenantId, Instant from, Instant to) {
        return query(SCORES, tenantId, from, to, row -> score(row.getString(0)));
    }

    /** Daily buckets of days starting in {@code [from, to)}, oldest first, with their day. */
    public List<DayBucket> engagement(String tenantId, Instant from, Instant to) {
        return query(
                ENGAGEMENT,
                tenantId,
                from,
                to,
                row ->
                        new DayBucket(
                                row.getLocalDate("day"),
                                EngagementBucketSerde.fromBytes(
                                        row.getBuffer("bucket").getBytes())));
    }

    /** One day's bucket as the warehouse holds it. */
    public record DayBucket(LocalDate day, EngagementBucket bucket) {
        public Instant start() {
            return UtcDays.startOf(day);
        }
    }

    private <T> List<T> query(
            String sql, String tenantId, Instant from, Instant to, Function<Row, T> map) {
        LocalDate first = firstDayStartingAtOrAfter(from);
        LocalDate end = firstDayStartingAtOrAfter(to);
        if (!first.isBefore(end)) {
            return List.of();
        }
        Future<RowSet<Row>> rows = pool.preparedQuery(sql).execute(Tuple.of(tenantId, first, end));
        try {
            List<T> out = new ArrayList<>();
            for (Row row :
                    rows.toCompletionStage()
                            .toCompletableFuture()
                            .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                out.add(map.apply(row));
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable(e);
        } catch (Exception e) {
            throw unavailable(e);
        }
    }

    private static StateUnavailableException unavailable(Exception e) {
        return new StateUnavailableException(
                "history older than the stores keep is in the warehouse, which cannot answer now",
                RETRY_AFTER,
                e);
    }

    static LocalDate firstDayStartingAtOrAfter(Instant instant) {
        LocalDate day = UtcDays.dayOf(instant);
        return UtcDays.startOf(day).equals(instant) ? day : day.plusDays(1);
    }

    private static HealthScore score(String json) {
        try {
            return PulseJson.mapper().readValue(json, HealthScore.class);
        } catch (IOException e) {
            throw new IllegalStateException("score_daily.snapshot is not a score: " + e, e);
        }
    }
}
