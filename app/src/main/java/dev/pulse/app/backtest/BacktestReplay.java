package dev.pulse.app.backtest;

import dev.pulse.topologies.account.Account;
import dev.pulse.topologies.alert.Alert;
import dev.pulse.topologies.alert.AlertEvaluator;
import dev.pulse.topologies.alert.AlertInput;
import dev.pulse.topologies.alert.AlertRules;
import dev.pulse.topologies.health.HealthModel;
import dev.pulse.topologies.health.HealthScore;
import dev.pulse.topologies.health.HealthScorer;
import dev.pulse.topologies.risk.DailyClose;
import dev.pulse.topologies.risk.RiskAssessment;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntConsumer;
import org.apache.kafka.common.utils.Utils;

/**
 * Replays a history day by day the way the topology closes days: tenants grouped by the Kafka
 * partition their key hashes to (each stream task judges its own tenants against each other), every
 * day's end-of-day scores and at-risk decisions from {@link DailyClose}, and the alert rules
 * evaluated as of each day's end through {@link AlertEvaluator}, exactly as a replay through the
 * topology evaluates them.
 */
public final class BacktestReplay {
    /** End-of-day scores kept per tenant: enough for 30-day deltas with slack (a power of two). */
    private static final int SCORE_MEMORY_DAYS = 64;

    /** At-risk decisions handed back to the decider, as the topology does. */
    private static final int DECISION_MEMORY_DAYS = 14;

    private final HealthModel model;
    private final DailyClose dailyClose;
    private final AlertEvaluator alerts;
    private final int partitions;
    private final java.util.Set<String> explained;

    public BacktestReplay(HealthModel model, AlertRules rules, int partitions) {
        this(model, rules, partitions, java.util.Set.of());
    }

    /**
     * @param explained tenants whose every day is written out in the result, for tuning
     */
    public BacktestReplay(
            HealthModel model, AlertRules rules, int partitions, java.util.Set<String> explained) {
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions must be at least 1, got " + partitions);
        }
        this.model = model;
        this.dailyClose = new DailyClose(new HealthScorer(model));
        this.alerts = new AlertEvaluator(rules);
        this.partitions = partitions;
        this.explained = java.util.Set.copyOf(explained);
    }

    /** Per-tenant state carried from day to day. */
    private static final class TenantState {
        /** The end-of-day score of epoch day d at {@code d % SCORE_MEMORY_DAYS}, if still there. */
        final HealthScore[] endOfDay = new HealthScore[SCORE_MEMORY_DAYS];

        final long[] endOfDayDay = new long[SCORE_MEMORY_DAYS];

        HealthScore endOfDay(LocalDate day) {
            int slot = (int) Math.floorMod(day.toEpochDay(), (long) SCORE_MEMORY_DAYS);
            return endOfDayDay[slot] == day.toEpochDay() ? endOfDay[slot] : null;
        }

        final Deque<RiskAssessment> decisions = new ArrayDeque<>();
        final Map<String, Alert> alerts = new HashMap<>();
    }

    /**
     * Replays the days from {@code from} to {@code to}, both included. Partitions share nothing (a
     * stream task judges its own tenants), so they are replayed in parallel; results are merged in
     * partition order, the same on every run.
     *
     * @param progress told the share done, in whole percent, every ten percent
     */
    public ReplayResult run(
            DailyEngagement data,
            Map<String, Account> accounts,
            LocalDate from,
            LocalDate to,
            IntConsumer progress) {
        int days = (int) (to.toEpochDay() - from.toEpochDay() + 1);
        Map<String, DailyEngagement.Tenant> tenants = data.tenants();
        Map<Integer, List<String>> groups = new TreeMap<>();
        Map<String, ReplayResult.Series> series = new LinkedHashMap<>();
        for (String tenant : tenants.keySet()) {
            groups.computeIfAbsent(partition(tenant), p -> new ArrayList<>()).add(tenant);
            series.put(tenant, ReplayResult.Series.empty(days));
        }
        Progress done = new Progress((long) days * tenants.size(), progress);
        List<GroupResult> results =
                groups.values().parallelStream()
                        .map(
                                group ->
                                        replayGroup(
                                                group, tenants, accounts, from, days, series, done))
                        .toList();
        List<Alert> changes = new ArrayList<>();
        Map<String, List<String>> explanations = new LinkedHashMap<>();
        for (GroupResult result : results) {
            changes.addAll(result.changes());
            explanations.putAll(result.explanations());
        }
        return new ReplayResult(model.version(), from, days, series, changes, explanations);
    }

    /** What one partition's replay adds to the result besides the daily series. */
    private record GroupResult(List<Alert> changes, Map<String, List<String>> explanations) {}

    /** Counts tenant-days done across partitions, reporting every ten percent. */
    private static final class Progress {
        private final long total;
        private final IntConsumer sink;
        private final java.util.concurrent.atomic.AtomicLong done =
                new java.util.concurrent.atomic.AtomicLong();
        private int reported;

        Progress(long total, IntConsumer sink) {
            this.total = Math.max(1, total);
            this.sink = sink;
        }

        void add(int tenantDays) {
            int percent = (int) (done.addAndGet(tenantDays) * 100 / total);
            synchronized (this) {
                if (percent / 10 > reported / 10) {
                    reported = percent;
                    sink.accept(percent);
                }
            }
        }
    }

    private GroupResult replayGroup(
            List<String> group,
            Map<String, DailyEngagement.Tenant> tenants,
            Map<String, Account> accounts,
            LocalDate from,
            int days,
            Map<String, ReplayResult.Series> series,
            Progress progress) {
        Map<String, TenantState> states = new HashMap<>();
        group.forEach(tenant -> states.put(tenant, new TenantState()));
        List<Alert> changes = new ArrayList<>();
        Map<String, List<String>> explanations = new LinkedHashMap<>();
        int scoreLookback = model.lookbackDays();
        int alertLookback = Math.max(1, alerts.rules().lookbackDays());
        for (int index = 0; index < days; index++) {
            LocalDate day = from.plusDays(index);
            long dayEnd = day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
            List<DailyClose.Tenant> inputs = new ArrayList<>();
            for (String id : group) {
                DailyEngagement.Tenant tenant = tenants.get(id);
                if (tenant.firstEvent == null || tenant.firstEvent.toEpochMilli() >= dayEnd) {
                    continue;
                }
                TenantState state = states.get(id);
                inputs.add(
                        new DailyClose.Tenant(
                                id,
                                accounts.get(id),
                                tenant.history(day.minusDays(scoreLookback - 1L), day),
                                tenant.firstEvent,
                                tenant.lastEventBy(day),
                                state::endOfDay,
                                List.copyOf(state.decisions)));
            }
            Map<String, HealthScore> closed = dailyClose.close(day, inputs);
            for (Map.Entry<String, HealthScore> entry : closed.entrySet()) {
                String id = entry.getKey();
                HealthScore score = entry.getValue();
                TenantState state = states.get(id);
                remember(state, day, score);
                record(series.get(id), index, score);
                if (explained.contains(id)) {
                    explanations
                            .computeIfAbsent(id, t -> new ArrayList<>())
                            .add(DayExplanation.of(day, score));
                }
                AlertInput input =
                        AlertInput.endOfDay(
                                score,
                                accounts.get(id),
                                tenants.get(id).history(day.minusDays(alertLookback - 1L), day),
                                model);
                for (AlertEvaluator.Outcome outcome : alerts.evaluate(input, state.alerts::get)) {
                    Alert alert = outcome.step().alert();
                    state.alerts.put(alert.id(), alert);
                    if (outcome.step().changed()) {
                        changes.add(alert);
                    }
                }
            }
            progress.add(group.size());
        }
        return new GroupResult(changes, explanations);
    }

    private static void remember(TenantState state, LocalDate day, HealthScore score) {
        int slot = (int) Math.floorMod(day.toEpochDay(), (long) SCORE_MEMORY_DAYS);
        state.endOfDay[slot] = score;
        state.endOfDayDay[slot] = day.toEpochDay();
        if (score.risk() != null) {
            state.decisions.addFirst(score.risk());
            while (state.decisions.size() > DECISION_MEMORY_DAYS) {
                state.decisions.removeLast();
            }
        }
    }

    private static void record(ReplayResult.Series series, int index, HealthScore score) {
        series.score()[index] = (float) score.score();
        boolean atRisk = score.risk() != null && score.risk().atRisk();
        series.atRisk()[index] = atRisk;
        if (atRisk && (index == 0 || !series.atRisk()[index - 1])) {
            series.reasons()[index] = score.risk().reason();
        }
    }

    /** The partition Kafka's default partitioner gives a tenant's key. */
    int partition(String tenant) {
        return Utils.toPositive(Utils.murmur2(tenant.getBytes(StandardCharsets.UTF_8)))
                % partitions;
    }
}
