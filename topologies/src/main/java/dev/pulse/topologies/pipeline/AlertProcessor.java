package dev.pulse.topologies.pipeline;

import dev.pulse.topologies.account.Account;
import dev.pulse.topologies.alert.Alert;
import dev.pulse.topologies.alert.AlertEvaluator;
import dev.pulse.topologies.alert.AlertInput;
import dev.pulse.topologies.alert.AlertState;
import dev.pulse.topologies.engagement.DailyHistory;
import dev.pulse.topologies.health.HealthModel;
import dev.pulse.topologies.health.HealthScore;
import dev.pulse.topologies.state.ChangelogOffsets;
import dev.pulse.topologies.topic.PulseStores;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;
import org.apache.kafka.streams.state.WindowStore;

/**
 * Evaluates the alert rules in event time. Each (tenant, rule) alert lives in the {@code alerts}
 * store; every state change is forwarded and appended to the {@code alert-history} store at the
 * event time it describes.
 *
 * <ul>
 *   <li>While the data is caught up ({@link EventTimeClock}), live: whenever a tenant's score
 *       changes, and for every tenant on a wall-clock schedule so that silence and {@code for}
 *       progress without new events.
 *   <li>While Pulse replays history or works through a backlog, only when a day closes, as of that
 *       day's end on that day's complete data. A replay therefore produces the alerts that would
 *       have fired on each day, the same ones whichever way the events were batched, and never "no
 *       activity for 132 days" because recent events are still queued. A condition a closed day
 *       shows is dated to that day.
 * </ul>
 */
final class AlertProcessor implements Processor<String, ScoreChange, String, Alert> {
    /** How soon after the data has caught up what still fires is announced. */
    private static final Duration LIVE_CHECK = Duration.ofSeconds(1);

    private final HealthModel model;
    private final AlertEvaluator evaluator;
    private final Duration interval;
    private final Duration idle;
    private long evaluatedLiveSince;
    private final PipelineListener listener;
    private ProcessorContext<String, Alert> context;
    private EventTimeClock clock;
    private KeyValueStore<String, HealthScore> scores;
    private DailyHistoryReader history;
    private int lookbackDays;
    private KeyValueStore<String, Alert> alerts;
    private WindowStore<String, Alert> alertHistory;
    private KeyValueStore<String, ValueAndTimestamp<Account>> accounts;
    private ChangelogOffsets offsets;

    AlertProcessor(
            HealthModel model,
            AlertEvaluator evaluator,
            Duration interval,
            Duration idle,
            PipelineListener listener) {
        this.model = model;
        this.evaluator = evaluator;
        this.interval = interval;
        this.idle = idle;
        this.listener = listener;
    }

    @Override
    public void init(ProcessorContext<String, Alert> context) {
        this.context = context;
        this.scores = context.getStateStore(PulseStores.HEALTH_SCORES);
        this.lookbackDays = evaluator.rules().lookbackDays();
        this.history =
                new DailyHistoryReader(
                        context.getStateStore(PulseStores.ENGAGEMENT_DAILY), lookbackDays);
        this.alerts = context.getStateStore(PulseStores.ALERTS);
        this.alertHistory = context.getStateStore(PulseStores.ALERT_HISTORY);
        this.accounts = context.getStateStore(PulseStores.ACCOUNTS);
        // Alerts and their history change rarely.
        this.offsets = new ChangelogOffsets(context).keyValue(alerts).window(alertHistory);
        this.clock =
                new EventTimeClock(
                        context,
                        context.getStateStore(PulseStores.HEALTH_CHECKPOINTS),
                        false,
                        idle);
        context.schedule(interval, PunctuationType.WALL_CLOCK_TIME, t -> evaluateAll());
        evaluatedLiveSince = clock.liveSince();
        context.schedule(LIVE_CHECK, PunctuationType.WALL_CLOCK_TIME, t -> evaluateOnceLive());
    }

    /**
     * Every tenant at once when the data has just caught up (a replay or backlog drained, or the
     * task went idle), rather than at the next evaluation interval: what still fires is announced
     * within seconds.
     */
    private void evaluateOnceLive() {
        // Compared by when it caught up, not by the flag: a backlog shorter than this check's
        // interval turns the flag off and on again between two checks.
        long liveSince = clock.liveSince();
        if (liveSince > 0 && liveSince != evaluatedLiveSince) {
            evaluateAll();
        }
        evaluatedLiveSince = liveSince;
    }

    @Override
    public void process(Record<String, ScoreChange> record) {
        offsets.ensure();
        ScoreChange change = record.value();
        if (change == null || change.score() == null || evaluator.rules().rules().isEmpty()) {
            return;
        }
        boolean live = clock.caughtUp();
        HealthScore score = change.score();
        if (change.endOfDay() && !live) {
            long end = score.asOf().toEpochMilli();
            evaluate(
                    record.key(),
                    AlertInput.endOfDay(
                            score, change.account(), closedOn(record.key(), change, end), model),
                    false);
        } else if (!change.endOfDay() && live) {
            evaluateLive(record.key(), score, clock.now());
        }
    }

    /**
     * The engagement a closed day is judged on: cut from what the scoring closed the day on when
     * that reaches back far enough (the scoring reads the health model's lookback), which is
     * exactly what reading the rules' lookback at the same instant gives; else read.
     */
    private DailyHistory closedOn(String tenant, ScoreChange change, long end) {
        DailyHistory closedOn = change.closedOn();
        if (closedOn != null
                && closedOn.asOf().toEpochMilli() == end
                && lookbackDays <= model.lookbackDays()) {
            return closedOn.lastDays(lookbackDays);
        }
        return history.read(tenant, end);
    }

    private void evaluateAll() {
        if (evaluator.rules().rules().isEmpty() || !clock.caughtUp()) {
            return;
        }
        offsets.ensure();
        long now = clock.now();
        List<KeyValue<String, HealthScore>> tenants = new ArrayList<>();
        try (KeyValueIterator<String, HealthScore> it = scores.all()) {
            it.forEachRemaining(tenants::add);
        }
        for (KeyValue<String, HealthScore> tenant : tenants) {
            evaluateLive(tenant.key, tenant.value, now);
        }
    }

    private void evaluateLive(String tenant, HealthScore score, long nowMs) {
        if (score == null) {
            return;
        }
        Account account = account(tenant);
        evaluate(
                tenant,
                AlertInput.of(
                        score,
                        account,
                        history.read(tenant, nowMs),
                        Instant.ofEpochMilli(nowMs),
                        model,
                        true),
                true);
    }

    private void evaluate(String tenant, AlertInput input, boolean live) {
        long at = input.now().toEpochMilli();
        for (AlertEvaluator.Outcome outcome : evaluator.evaluate(input, alerts::get)) {
            Alert before = outcome.before();
            Alert alert = outcome.step().alert().replayed(!live);
            // A firing alert decided while replaying was published as history; told now.
            boolean announce =
                    live
                            && before != null
                            && before.isReplayed()
                            && alert.state() == AlertState.FIRING;
            if (announce) {
                alert = alert.explained(outcome.evaluation().explanation());
            }
            alerts.put(alert.id(), alert);
            if (!outcome.step().changed() && !announce) {
                continue;
            }
            if (outcome.stateChanged()) {
                listener.onAlertTransition(
                        outcome.rule().id(), outcome.rule().severity(), alert.state());
            }
            if (outcome.step().changed()) {
                alertHistory.put(tenant, alert, at);
            }
            context.forward(new Record<>(tenant, alert, at));
        }
    }

    private Account account(String tenant) {
        ValueAndTimestamp<Account> account = accounts.get(tenant);
        return account == null ? null : account.value();
    }
}
