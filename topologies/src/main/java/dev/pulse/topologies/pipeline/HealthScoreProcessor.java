package dev.pulse.topologies.pipeline;

import dev.pulse.topologies.account.Account;
import dev.pulse.topologies.engagement.DailyHistory;
import dev.pulse.topologies.engagement.EngagementBucket;
import dev.pulse.topologies.event.UsageEvent;
import dev.pulse.topologies.health.HealthScore;
import dev.pulse.topologies.health.HealthScorer;
import dev.pulse.topologies.topic.PulseStores;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

/**
 * Keeps every tenant's health score current and its end-of-day history.
 *
 * <ul>
 *   <li>An event marks its tenant dirty; dirty tenants are rescored every refresh interval, so a
 *       burst of events costs one scoring, not one per event.
 *   <li>Every tenant is rescored on a wall-clock schedule, so a silent tenant's score falls.
 *   <li>When stream time passes the end of a UTC day plus the grace period, every tenant's score as
 *       of that day's end is written to the daily history. Being driven by event time, a replay of
 *       old events builds the same history as live traffic did.
 * </ul>
 *
 * Scores describe "now" as the later of the wall clock and stream time. A changed score (value,
 * band or delta) is forwarded downstream.
 *
 * <p>Each rescoring starts from the tenant's previous score. This processor is the only writer of
 * the {@code health-scores} store and writes every score through at once, so it keeps the last
 * score it wrote for each of up to {@link #HOT_TENANTS} tenants and reads the store only for the
 * others; the copy starts empty on {@code init}, that is after every restore, revival or migration
 * of the task.
 */
final class HealthScoreProcessor implements Processor<String, UsageEvent, String, HealthScore> {
    private static final long DAY_MS = Duration.ofDays(1).toMillis();
    private static final String CLOSED_THROUGH = "closed-through-epoch-day";
    private static final String STARTED = "started-at";

    /** Never a tenant id (those start with a letter or digit). */
    private static final String SENTINEL = "#changelog-offset";

    /** A clock jump over more days than this is not back-filled day by day. */
    private static final int MAX_DAYS_CLOSED_AT_ONCE = 400;

    /** Most tenants per task whose last written score is kept decoded. */
    static final int HOT_TENANTS = 4096;

    private final HealthScorer scorer;
    private final PipelineSettings settings;
    private final Map<String, Activity> dirty = new LinkedHashMap<>();
    private Map<String, HealthScore> lastWritten;
    private ProcessorContext<String, HealthScore> context;
    private WindowStore<String, EngagementBucket> daily;
    private KeyValueStore<String, HealthScore> scores;
    private WindowStore<String, HealthScore> history;
    private KeyValueStore<String, Long> checkpoints;
    private KeyValueStore<String, ValueAndTimestamp<Account>> accounts;
    private boolean storesTouched;

    HealthScoreProcessor(HealthScorer scorer, PipelineSettings settings) {
        this.scorer = scorer;
        this.settings = settings;
    }

    @Override
    public void init(ProcessorContext<String, HealthScore> context) {
        this.context = context;
        this.lastWritten =
                new LinkedHashMap<>(256, 0.75f, true) {
                    @Override
                    protected boolean removeEldestEntry(Map.Entry<String, HealthScore> eldest) {
                        return size() > HOT_TENANTS;
                    }
                };
        this.daily = context.getStateStore(PulseStores.ENGAGEMENT_DAILY);
        this.scores = context.getStateStore(PulseStores.HEALTH_SCORES);
        this.history = context.getStateStore(PulseStores.HEALTH_SCORE_DAILY);
        this.checkpoints = context.getStateStore(PulseStores.HEALTH_CHECKPOINTS);
        this.accounts = context.getStateStore(PulseStores.ACCOUNTS);
        context.schedule(
                settings.scoreRefreshInterval(),
                PunctuationType.WALL_CLOCK_TIME,
                now -> rescoreDirty());
        context.schedule(
                settings.fullRecomputeInterval(),
                PunctuationType.WALL_CLOCK_TIME,
                now -> rescoreAll());
        context.schedule(Duration.ofMinutes(10), PunctuationType.STREAM_TIME, this::closeDays);
    }

    @Override
    public void process(Record<String, UsageEvent> record) {
        if (!storesTouched) {
            touchStores();
        }
        long time = record.value().timestamp().toEpochMilli();
        dirty.merge(record.key(), new Activity(time, time), Activity::span);
    }

    /**
     * Under exactly-once, a store with files on disk but no changelog offset in the checkpoint is
     * taken for corrupt on restart, and the whole task is wiped and restored from the changelogs.
     * Stores written rarely (daily history, checkpoints) would trigger that on every restart; one
     * write each gives them an offset.
     */
    private void touchStores() {
        storesTouched = true;
        checkpoints.put(STARTED, context.currentSystemTimeMs());
        history.put(SENTINEL, null, Math.max(0, context.currentStreamTimeMs()));
    }

    /** Earliest and latest event time seen for a tenant since it was last scored. */
    private record Activity(long first, long last) {
        static final Activity NONE = new Activity(Long.MAX_VALUE, Long.MIN_VALUE);

        Activity span(Activity other) {
            return new Activity(Math.min(first, other.first), Math.max(last, other.last));
        }
    }

    private long now() {
        return Math.max(context.currentSystemTimeMs(), context.currentStreamTimeMs());
    }

    private void rescoreDirty() {
        if (dirty.isEmpty()) {
            return;
        }
        long now = now();
        List<Map.Entry<String, Activity>> batch = new ArrayList<>(dirty.entrySet());
        dirty.clear();
        for (Map.Entry<String, Activity> tenant : batch) {
            rescore(tenant.getKey(), now, tenant.getValue());
        }
    }

    private void rescoreAll() {
        rescoreDirty();
        long now = now();
        for (String tenant : knownTenants()) {
            rescore(tenant, now, Activity.NONE);
        }
    }

    private void rescore(String tenant, long now, Activity activity) {
        HealthScore previous = currentScore(tenant);
        Instant first = previous == null ? null : previous.firstEventAt();
        Instant last = previous == null ? null : previous.lastEventAt();
        if (activity != Activity.NONE) {
            first = earliest(first, Instant.ofEpochMilli(activity.first()));
            Instant newest = Instant.ofEpochMilli(activity.last());
            last = last == null || newest.isAfter(last) ? newest : last;
        }
        HealthScore score = compute(tenant, now).withActivity(first, last);
        writeScore(tenant, score);
        if (score.differsVisiblyFrom(previous)) {
            context.forward(new Record<>(tenant, score, now));
        }
    }

    /** The tenant's score as last written, from the decoded copy when there is one. */
    private HealthScore currentScore(String tenant) {
        HealthScore hot = lastWritten.get(tenant);
        return hot != null ? hot : scores.get(tenant);
    }

    private void writeScore(String tenant, HealthScore score) {
        // Drop the copy first: should the put fail, the next rescoring reads the store again.
        lastWritten.remove(tenant);
        scores.put(tenant, score);
        lastWritten.put(tenant, score);
    }

    /** Scores a tenant as of {@code asOfMs}; activity times are left to the caller. */
    private HealthScore compute(String tenant, long asOfMs) {
        long today = asOfMs - 1 - Math.floorMod(asOfMs - 1, DAY_MS);
        long from = today - (scorer.model().lookbackDays() - 1L) * DAY_MS;
        Map<LocalDate, EngagementBucket> days = new HashMap<>();
        try (WindowStoreIterator<EngagementBucket> it = daily.fetch(tenant, from, today)) {
            while (it.hasNext()) {
                KeyValue<Long, EngagementBucket> day = it.next();
                days.put(LocalDate.ofEpochDay(Math.floorDiv(day.key, DAY_MS)), day.value);
            }
        }
        ValueAndTimestamp<Account> account = accounts.get(tenant);
        HealthScore score =
                scorer.score(
                        tenant,
                        new DailyHistory(days, Instant.ofEpochMilli(asOfMs)),
                        account == null ? null : account.value());
        LocalDate day = LocalDate.ofEpochDay(Math.floorDiv(today, DAY_MS));
        return score.withDeltas(
                delta(tenant, score, day.minusDays(7)), delta(tenant, score, day.minusDays(30)));
    }

    /** Score now minus the end-of-day score of {@code day}, or of the nearest day before it. */
    private Double delta(String tenant, HealthScore now, LocalDate day) {
        long end = day.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
        HealthScore then = null;
        try (WindowStoreIterator<HealthScore> it =
                history.backwardFetch(tenant, end - 3 * DAY_MS, end)) {
            if (it.hasNext()) {
                then = it.next().value;
            }
        }
        return then == null ? null : Math.round((now.score() - then.score()) * 10) / 10.0;
    }

    private void closeDays(long streamTime) {
        long closable = Math.floorDiv(streamTime - settings.grace().toMillis(), DAY_MS) - 1;
        Long closedThrough = checkpoints.get(CLOSED_THROUGH);
        long firstToClose =
                closedThrough == null
                        ? closable
                        : Math.max(closedThrough + 1, closable - MAX_DAYS_CLOSED_AT_ONCE);
        if (firstToClose > closable) {
            return;
        }
        rescoreDirty(); // tenants first seen since the last refresh need history too
        List<String> tenants = knownTenants();
        for (long epochDay = firstToClose; epochDay <= closable; epochDay++) {
            long dayStart = epochDay * DAY_MS;
            for (String tenant : tenants) {
                HealthScore current = currentScore(tenant);
                if (current == null
                        || current.firstEventAt() == null
                        || current.firstEventAt().toEpochMilli() >= dayStart + DAY_MS) {
                    continue;
                }
                HealthScore endOfDay = compute(tenant, dayStart + DAY_MS);
                history.put(tenant, endOfDay.withActivity(current.firstEventAt(), null), dayStart);
            }
        }
        checkpoints.put(CLOSED_THROUGH, closable);
    }

    private List<String> knownTenants() {
        List<String> tenants = new ArrayList<>();
        try (KeyValueIterator<String, HealthScore> it = scores.all()) {
            while (it.hasNext()) {
                tenants.add(it.next().key);
            }
        }
        return tenants;
    }

    private static Instant earliest(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isBefore(b) ? a : b;
    }
}
