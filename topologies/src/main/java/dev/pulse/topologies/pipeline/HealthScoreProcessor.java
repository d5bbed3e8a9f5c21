package dev.pulse.topologies.pipeline;

import dev.pulse.topologies.account.Account;
import dev.pulse.topologies.health.HealthScore;
import dev.pulse.topologies.risk.DailyClose;
import dev.pulse.topologies.risk.RiskAssessment;
import dev.pulse.topologies.state.ActiveCopies;
import dev.pulse.topologies.state.ChangelogOffsets;
import dev.pulse.topologies.time.UtcDays;
import dev.pulse.topologies.topic.PulseStores;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

/**
 * Keeps every tenant's health score current and its end-of-day history with the at-risk decision.
 *
 * <ul>
 *   <li>An event marks its tenant dirty; dirty tenants are rescored every refresh interval, so a
 *       burst of events costs one scoring, not one per event, and less often when rescoring would
 *       take more than its share of the time ({@link RefreshBudget}). While the data is behind (a
 *       replay, a backfill, a backlog), a known tenant is rescored once the data has caught up
 *       instead: every day loaded would outdate its score at once. Its first and last event times
 *       are kept up to date all the same, since closing a day reads them.
 *   <li>Every tenant is rescored on a wall-clock schedule, so a silent tenant's score falls.
 *   <li>When stream time passes the end of a UTC day plus the grace period, the day is closed for
 *       every tenant of the task ({@link DailyClose}): its score as of the day's end and the day's
 *       at-risk decision, which compares each tenant with the others of the task on the same days.
 *       They go to the daily history and, as {@link ScoreChange#endOfDay}, to the alert rules.
 *       Being driven by event time, a replay of old events builds the same history as live traffic
 *       did.
 * </ul>
 *
 * Scores describe "now" as {@link EventTimeClock} tells it. A changed score (value, band, deltas or
 * at-risk decision) is forwarded downstream. Each current score carries the decision of the latest
 * closed day.
 *
 * <p>Each rescoring starts from the tenant's previous score. This processor is the only writer of
 * the {@code health-scores} store and writes every score through at once, so it keeps the task's
 * scores decoded in {@link ActiveCopies} too, loaded from the store on {@code init} (after every
 * restore, revival or migration of the task): it reads them from there, and so do the API's reads
 * of this instance's current scores.
 */
final class HealthScoreProcessor implements Processor<String, TenantActivity, String, ScoreChange> {
    private static final String CLOSED_THROUGH = "closed-through-epoch-day";

    /** A clock jump over more days than this is not back-filled day by day. */
    private static final int MAX_DAYS_CLOSED_AT_ONCE = 400;

    /** Decisions of this many earlier days are handed to the at-risk decision. */
    private static final int DECISION_MEMORY_DAYS = 14;

    private final DailyClose dailyClose;
    private final PipelineSettings settings;
    private final PipelineListener listener;
    private final ActiveCopies<HealthScore> currentScores;
    private final Map<String, Activity> dirty = new LinkedHashMap<>();

    /** Known tenants whose rescoring waits until the data has caught up (see rescoreDirty). */
    private final Map<String, Activity> deferred = new LinkedHashMap<>();

    /**
     * Per tenant, the decisions of the days this task closed last, so that closing a day does not
     * read two weeks of stored scores back (a RocksDB reverse seek per tenant and day). Only used
     * when it ends on the day before the one being closed; otherwise the store is read.
     */
    private final Map<String, RecentDecisions> recentDecisions = new HashMap<>();

    private RefreshBudget refreshBudget;

    /** Records processed since the last scheduled refresh: whether the task is busy. */
    private long recordsSinceRefresh;

    private ActiveCopies.Writer<HealthScore> current;
    private ProcessorContext<String, ScoreChange> context;
    private EventTimeClock clock;
    private DailyHistoryReader engagement;
    private KeyValueStore<String, HealthScore> scores;
    private WindowStore<String, HealthScore> history;
    private KeyValueStore<String, Long> checkpoints;
    private KeyValueStore<String, ValueAndTimestamp<Account>> accounts;
    private ChangelogOffsets offsets;

    HealthScoreProcessor(
            DailyClose dailyClose,
            PipelineSettings settings,
            PipelineListener listener,
            ActiveCopies<HealthScore> currentScores) {
        this.dailyClose = dailyClose;
        this.currentScores = currentScores;
        this.settings = settings;
        this.listener = listener;
    }

    @Override
    public void init(ProcessorContext<String, ScoreChange> context) {
        this.context = context;
        recentDecisions.clear(); // a revived task starts from its restored stores
        this.engagement =
                new DailyHistoryReader(
                        context.getStateStore(PulseStores.ENGAGEMENT_DAILY),
                        dailyClose.model().lookbackDays());
        this.scores = context.getStateStore(PulseStores.HEALTH_SCORES);
        this.current = currentScores.open(context.taskId().partition(), scores);
        this.history = context.getStateStore(PulseStores.HEALTH_SCORE_DAILY);
        this.checkpoints = context.getStateStore(PulseStores.HEALTH_CHECKPOINTS);
        this.accounts = context.getStateStore(PulseStores.ACCOUNTS);
        // The daily history and the checkpoints are written rarely.
        this.offsets = new ChangelogOffsets(context).keyValue(checkpoints).window(history);
        this.clock = new EventTimeClock(context, checkpoints, true, settings.caughtUpAfterIdle());
        this.refreshBudget = new RefreshBudget(settings.scoreRefreshShare());
        context.schedule(
                settings.scoreRefreshInterval(), PunctuationType.WALL_CLOCK_TIME, this::refresh);
        context.schedule(
                settings.fullRecomputeInterval(),
                PunctuationType.WALL_CLOCK_TIME,
                now -> rescoreAll());
        context.schedule(Duration.ofMinutes(10), PunctuationType.STREAM_TIME, this::closeDays);
    }

    @Override
    public void process(Record<String, TenantActivity> record) {
        offsets.ensure();
        clock.observe();
        recordsSinceRefresh++;
        TenantActivity activity = record.value();
        dirty.merge(
                record.key(), new Activity(activity.firstMs(), activity.lastMs()), Activity::span);
    }

    /** Earliest and latest event time seen for a tenant since it was last scored. */
    private record Activity(long first, long last) {
        static final Activity NONE = new Activity(Long.MAX_VALUE, Long.MIN_VALUE);

        Activity span(Activity other) {
            return new Activity(Math.min(first, other.first), Math.max(last, other.last));
        }
    }

    /** The scheduled refresh, when the last one's cost allows it (see {@link RefreshBudget}). */
    private void refresh(long wallClockMs) {
        long records = recordsSinceRefresh;
        recordsSinceRefresh = 0;
        if (!refreshBudget.due(wallClockMs, dirty.size(), records)) {
            return;
        }
        long started = System.nanoTime();
        int rescored = rescoreDirty();
        refreshBudget.spent(wallClockMs, rescored, System.nanoTime() - started);
    }

    /** Rescores the tenants with new events; how many it rescored. */
    private int rescoreDirty() {
        // An idle task counts as caught up from here on. Checked at this short interval, not only
        // with the full recompute, so alerts can go live one idle period after a backlog or a
        // replay, not up to a recompute interval (a minute) later.
        boolean live = clock.caughtUp();
        if (live && !deferred.isEmpty()) {
            deferred.forEach((tenant, activity) -> dirty.merge(tenant, activity, Activity::span));
            deferred.clear();
        }
        if (dirty.isEmpty()) {
            return 0;
        }
        long now = clock.now();
        List<Map.Entry<String, Activity>> batch = new ArrayList<>(dirty.entrySet());
        dirty.clear();
        List<Map.Entry<String, Activity>> rescored = new ArrayList<>(batch.size());
        for (Map.Entry<String, Activity> tenant : batch) {
            HealthScore previous = live ? null : currentScore(tenant.getKey());
            if (previous != null) {
                // Replaying or working through a backlog: the next days' data outdates a known
                // tenant's current score at once, and nobody is told about it (alerts follow the
                // days' closes then). Its activity is kept now, for the closes; the score itself
                // waits until the data has caught up.
                keepActivity(tenant.getKey(), previous, tenant.getValue());
                deferred.merge(tenant.getKey(), tenant.getValue(), Activity::span);
            } else {
                rescore(tenant.getKey(), now, tenant.getValue());
                rescored.add(tenant);
            }
        }
        // Wall clock, not the event-time clock: freshness is what a reader waits.
        long wallClock = context.currentSystemTimeMs();
        for (Map.Entry<String, Activity> tenant : rescored) {
            listener.onScoreRefreshed(wallClock - tenant.getValue().last());
        }
        return rescored.size();
    }

    /** The current score with the tenant's first and last event widened to {@code activity}. */
    private void keepActivity(String tenant, HealthScore current, Activity activity) {
        Instant first = earliest(current.firstEventAt(), Instant.ofEpochMilli(activity.first()));
        Instant last = Instant.ofEpochMilli(activity.last());
        if (current.lastEventAt() != null && current.lastEventAt().isAfter(last)) {
            last = current.lastEventAt();
        }
        if (!first.equals(current.firstEventAt()) || !last.equals(current.lastEventAt())) {
            writeScore(tenant, current.withActivity(first, last));
        }
    }

    private void rescoreAll() {
        clock.caughtUp(); // an idle task counts as caught up from here on
        rescoreDirty();
        long now = clock.now();
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
        if (previous != null && previous.asOf().toEpochMilli() > now) {
            now = previous.asOf().toEpochMilli(); // never score backwards in time
        }
        RiskAssessment decision = previous == null ? null : previous.risk();
        HealthScore score =
                dailyClose
                        .score(
                                tenant,
                                engagement.read(tenant, now),
                                account(tenant),
                                d -> endOfDay(tenant, d))
                        .withActivity(first, last)
                        .withRisk(decision, dailyClose.model());
        publishIfChanged(tenant, score, previous, now);
    }

    private void publishIfChanged(
            String tenant, HealthScore score, HealthScore previous, long now) {
        writeScore(tenant, score);
        if (score.differsVisiblyFrom(previous)) {
            context.forward(new Record<>(tenant, ScoreChange.current(score), now));
        }
    }

    /** The tenant's score as last written; null before its first. */
    private HealthScore currentScore(String tenant) {
        return current.get(tenant);
    }

    private void writeScore(String tenant, HealthScore score) {
        scores.put(tenant, score);
        current.put(tenant, score);
    }

    @Override
    public void close() {
        current.close();
    }

    private Account account(String tenant) {
        ValueAndTimestamp<Account> account = accounts.get(tenant);
        return account == null ? null : account.value();
    }

    private HealthScore endOfDay(String tenant, LocalDate day) {
        return history.fetch(tenant, UtcDays.startMs(day));
    }

    /** The decisions of the days before {@code day}, newest first. */
    private List<RiskAssessment> decisionsBefore(String tenant, LocalDate day) {
        RecentDecisions recent = recentDecisions.get(tenant);
        if (recent == null || recent.lastDay != day.toEpochDay() - 1) {
            recent = new RecentDecisions(day.toEpochDay() - 1, storedDecisionsBefore(tenant, day));
            recentDecisions.put(tenant, recent);
        }
        return List.copyOf(recent.decisions);
    }

    private List<RiskAssessment> storedDecisionsBefore(String tenant, LocalDate day) {
        long end = UtcDays.startMs(day.minusDays(1));
        List<RiskAssessment> decisions = new ArrayList<>();
        try (WindowStoreIterator<HealthScore> it =
                history.backwardFetch(
                        tenant, end - (DECISION_MEMORY_DAYS - 1) * UtcDays.DAY_MS, end)) {
            while (it.hasNext()) {
                HealthScore score = it.next().value;
                if (score != null && score.risk() != null) {
                    decisions.add(score.risk());
                }
            }
        }
        return decisions;
    }

    /** A tenant's stored decisions of the {@link #DECISION_MEMORY_DAYS} up to {@code lastDay}. */
    private static final class RecentDecisions {
        /** Newest first, each with the epoch day whose close made it. */
        final ArrayDeque<RiskAssessment> decisions = new ArrayDeque<>();

        final ArrayDeque<Long> days = new ArrayDeque<>();
        long lastDay;

        RecentDecisions(long lastDay, List<RiskAssessment> stored) {
            this.lastDay = lastDay;
            for (RiskAssessment decision : stored) {
                decisions.addLast(decision);
                days.addLast(decision.day() == null ? lastDay : decision.day().toEpochDay());
            }
        }

        /** The close of the day after {@code lastDay} stored this score. */
        void closed(long day, RiskAssessment decision) {
            lastDay = day;
            if (decision != null) {
                decisions.addFirst(decision);
                days.addFirst(day);
            }
            while (!days.isEmpty() && days.peekLast() <= day - DECISION_MEMORY_DAYS) {
                days.removeLast();
                decisions.removeLast();
            }
        }
    }

    private void closeDays(long streamTime) {
        long closable = Math.floorDiv(streamTime - settings.grace().toMillis(), UtcDays.DAY_MS) - 1;
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
            closeDay(LocalDate.ofEpochDay(epochDay), tenants);
        }
        checkpoints.put(CLOSED_THROUGH, closable);
    }

    private void closeDay(LocalDate day, List<String> tenants) {
        long dayStart = UtcDays.startMs(day);
        long dayEnd = dayStart + UtcDays.DAY_MS;
        // In the order of the tenants; each input is also what its day was closed on and with.
        Map<String, DailyClose.Tenant> inputs = new LinkedHashMap<>();
        for (String tenant : tenants) {
            HealthScore current = currentScore(tenant);
            if (current == null
                    || current.firstEventAt() == null
                    || current.firstEventAt().toEpochMilli() >= dayEnd) {
                continue;
            }
            inputs.put(
                    tenant,
                    new DailyClose.Tenant(
                            tenant,
                            account(tenant),
                            engagement.read(tenant, dayEnd),
                            current.firstEventAt(),
                            current.lastEventAt() != null
                                            && current.lastEventAt().toEpochMilli() < dayEnd
                                    ? current.lastEventAt()
                                    : null,
                            d -> endOfDay(tenant, d),
                            decisionsBefore(tenant, day)));
        }
        Map<String, HealthScore> closed = dailyClose.close(day, new ArrayList<>(inputs.values()));
        for (Map.Entry<String, HealthScore> entry : closed.entrySet()) {
            String tenant = entry.getKey();
            HealthScore endOfDay = entry.getValue();
            history.put(tenant, endOfDay, dayStart);
            RecentDecisions recent = recentDecisions.get(tenant);
            if (recent != null && recent.lastDay == day.toEpochDay() - 1) {
                recent.closed(day.toEpochDay(), endOfDay.risk());
            }
            DailyClose.Tenant input = inputs.get(tenant);
            context.forward(
                    new Record<>(
                            tenant,
                            ScoreChange.endOfDay(endOfDay, input.history(), input.account()),
                            dayEnd));
            carryDecision(tenant, endOfDay.risk());
        }
    }

    /** The current score takes the newest closed day's decision. */
    private void carryDecision(String tenant, RiskAssessment decision) {
        HealthScore current = currentScore(tenant);
        if (current == null
                || (current.risk() != null
                        && current.risk().day() != null
                        && current.risk().day().isAfter(decision.day()))) {
            return;
        }
        HealthScore updated = current.withRisk(decision, dailyClose.model());
        publishIfChanged(
                tenant, updated, current, Math.max(clock.now(), current.asOf().toEpochMilli()));
    }

    /** Sorted, so that every run visits them in the same order. */
    private List<String> knownTenants() {
        List<String> tenants = new ArrayList<>(current.keys());
        tenants.sort(null);
        return tenants;
    }

    private static Instant earliest(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isBefore(b) ? a : b;
    }
}
