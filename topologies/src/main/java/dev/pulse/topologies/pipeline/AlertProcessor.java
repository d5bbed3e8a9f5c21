package dev.pulse.topologies.pipeline;

import dev.pulse.topologies.account.Account;
import dev.pulse.topologies.alert.Alert;
import dev.pulse.topologies.alert.AlertInput;
import dev.pulse.topologies.alert.AlertLifecycle;
import dev.pulse.topologies.alert.AlertRule;
import dev.pulse.topologies.alert.AlertRules;
import dev.pulse.topologies.engagement.DailyHistory;
import dev.pulse.topologies.engagement.EngagementBucket;
import dev.pulse.topologies.health.HealthModel;
import dev.pulse.topologies.health.HealthScore;
import dev.pulse.topologies.topic.PulseStores;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
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
 * Evaluates the alert rules for a tenant whenever its health score changes, and for every tenant on
 * a wall-clock schedule so that silence and {@code for} durations progress without new events. Each
 * (tenant, rule) alert lives in the {@code alerts} store; only state changes are forwarded. "Now"
 * is the later of the wall clock and stream time, as for scoring.
 *
 * <p>The data counts as caught up when the newest event time this task has scored is within {@link
 * #CAUGHT_UP_LAG} of the wall clock; only then does {@link AlertLifecycle} trust the onset a
 * condition reads from the data. That mark is the newest {@code lastEventAt} among the task's
 * scores, capped by stream time: stream time alone would also move with alert commands, whose
 * timestamps are the wall clock, and it runs ahead of what has been scored. One active tenant keeps
 * the whole task caught up; a task whose tenants are all silent never is, and falls back to
 * counting {@code for} from first sight, which is the safe side.
 */
final class AlertProcessor implements Processor<String, HealthScore, String, Alert> {
    private static final long DAY_MS = Duration.ofDays(1).toMillis();

    /**
     * How far the newest scored event may trail the wall clock for the data to count as caught up.
     * Live traffic keeps it within seconds; a replay or a backlog puts it hours or days behind.
     */
    static final Duration CAUGHT_UP_LAG = Duration.ofMinutes(15);

    /** Never a tenant id (those start with a letter or digit). */
    private static final String SENTINEL = "#changelog-offset";

    private final HealthModel model;
    private final AlertRules rules;
    private final Duration interval;
    private final PipelineListener listener;
    private long newestScoredEventMs = Long.MIN_VALUE;
    private ProcessorContext<String, Alert> context;
    private KeyValueStore<String, HealthScore> scores;
    private WindowStore<String, EngagementBucket> daily;
    private KeyValueStore<String, Alert> alerts;
    private KeyValueStore<String, ValueAndTimestamp<Account>> accounts;
    private boolean storeTouched;

    AlertProcessor(
            HealthModel model, AlertRules rules, Duration interval, PipelineListener listener) {
        this.model = model;
        this.rules = rules;
        this.interval = interval;
        this.listener = listener;
    }

    @Override
    public void init(ProcessorContext<String, Alert> context) {
        this.context = context;
        this.scores = context.getStateStore(PulseStores.HEALTH_SCORES);
        this.daily = context.getStateStore(PulseStores.ENGAGEMENT_DAILY);
        this.alerts = context.getStateStore(PulseStores.ALERTS);
        this.accounts = context.getStateStore(PulseStores.ACCOUNTS);
        context.schedule(interval, PunctuationType.WALL_CLOCK_TIME, t -> evaluateAll());
    }

    @Override
    public void process(Record<String, HealthScore> record) {
        touchStore();
        noteScored(record.value());
        evaluate(record.key(), record.value(), now());
    }

    /**
     * Alerts change rarely; under exactly-once a store without a changelog offset is taken for
     * corrupt on restart and the task restored from scratch. One write gives it an offset.
     */
    private void touchStore() {
        if (!storeTouched) {
            storeTouched = true;
            alerts.delete(SENTINEL);
        }
    }

    private long now() {
        return Math.max(context.currentSystemTimeMs(), context.currentStreamTimeMs());
    }

    private void noteScored(HealthScore score) {
        if (score != null && score.lastEventAt() != null) {
            newestScoredEventMs = Math.max(newestScoredEventMs, score.lastEventAt().toEpochMilli());
        }
    }

    /** See the class comment. */
    private boolean dataCaughtUp() {
        long dataTime = Math.min(newestScoredEventMs, context.currentStreamTimeMs());
        return dataTime >= context.currentSystemTimeMs() - CAUGHT_UP_LAG.toMillis();
    }

    private void evaluateAll() {
        if (rules.rules().isEmpty()) {
            return;
        }
        touchStore();
        long now = now();
        List<KeyValue<String, HealthScore>> tenants = new ArrayList<>();
        try (KeyValueIterator<String, HealthScore> it = scores.all()) {
            it.forEachRemaining(tenants::add);
        }
        tenants.forEach(tenant -> noteScored(tenant.value));
        for (KeyValue<String, HealthScore> tenant : tenants) {
            evaluate(tenant.key, tenant.value, now);
        }
    }

    private void evaluate(String tenant, HealthScore score, long nowMs) {
        if (rules.rules().isEmpty() || score == null) {
            return;
        }
        ValueAndTimestamp<Account> account = accounts.get(tenant);
        AlertInput input =
                AlertInput.of(
                        score,
                        account == null ? null : account.value(),
                        history(tenant, nowMs),
                        Instant.ofEpochMilli(nowMs),
                        model,
                        dataCaughtUp());
        for (AlertRule rule : rules.rules()) {
            String id = Alert.id(tenant, rule.id());
            Alert current = alerts.get(id);
            AlertLifecycle.Step step =
                    AlertLifecycle.next(
                            current,
                            rule,
                            rules.version(),
                            input,
                            rule.condition().evaluate(input));
            if (step.alert() == null) {
                continue;
            }
            alerts.put(id, step.alert());
            if (step.changed()) {
                if (current == null || current.state() != step.alert().state()) {
                    listener.onAlertTransition(rule.id(), rule.severity(), step.alert().state());
                }
                context.forward(new Record<>(tenant, step.alert(), nowMs));
            }
        }
    }

    private DailyHistory history(String tenant, long asOfMs) {
        long today = asOfMs - 1 - Math.floorMod(asOfMs - 1, DAY_MS);
        long from = today - (rules.lookbackDays() - 1L) * DAY_MS;
        Map<LocalDate, EngagementBucket> days = new HashMap<>();
        try (WindowStoreIterator<EngagementBucket> it = daily.fetch(tenant, from, today)) {
            while (it.hasNext()) {
                KeyValue<Long, EngagementBucket> day = it.next();
                days.put(LocalDate.ofEpochDay(Math.floorDiv(day.key, DAY_MS)), day.value);
            }
        }
        return new DailyHistory(days, Instant.ofEpochMilli(asOfMs));
    }
}
