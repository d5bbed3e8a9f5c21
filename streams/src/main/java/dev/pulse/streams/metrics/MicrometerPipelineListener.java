package dev.pulse.streams.metrics;

import dev.pulse.topologies.alert.AlertAction;
import dev.pulse.topologies.alert.AlertRule;
import dev.pulse.topologies.alert.AlertState;
import dev.pulse.topologies.alert.Severity;
import dev.pulse.topologies.pipeline.PipelineListener;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Counts what the pipeline counted, dropped and dead-lettered, and the alerts' state changes, as
 * Prometheus counters, and how fresh refreshed scores are. Counters whose labels are known up front
 * (alert actions, follow-up reasons, each rule's transitions) exist at 0 from the start, so a rate
 * over them is defined before the first increment.
 */
public final class MicrometerPipelineListener implements PipelineListener {
    private final MeterRegistry registry;
    private final Map<String, Counter> deadLetters = new ConcurrentHashMap<>();
    private final Map<String, Counter> ignoredCommands = new ConcurrentHashMap<>();
    private final Map<String, Counter> ignoredFollowUpCommands = new ConcurrentHashMap<>();
    private final Map<String, Counter> alertTransitions = new ConcurrentHashMap<>();
    private final Counter duplicates;
    private final Counter idStoreLookups;
    private final Counter late;
    private final Counter funnelLate;
    private final Counter counted;
    private final Counter backfilledDays;
    private final Timer freshness;

    /** Follow-up command outcomes that are not applied ({@link #onFollowUpCommandIgnored}). */
    static final List<String> FOLLOW_UP_IGNORED_REASONS =
            List.of("invalid", "unknown", "unknown-alert", "duplicate", "unchanged", "conflict");

    /**
     * Dead-letter reasons registered at 0 up front: what the event parser and validation say most.
     * A rarer reason gets its series when it first happens.
     */
    static final List<String> DEAD_LETTER_REASONS =
            List.of("malformed_json", "empty", "missing_field", "invalid_field", "key_mismatch");

    public MicrometerPipelineListener(MeterRegistry registry) {
        this(registry, List.of());
    }

    /** With a zero counter per rule, severity and state for each of {@code rules}. */
    public MicrometerPipelineListener(MeterRegistry registry, List<AlertRule> rules) {
        this.registry = registry;
        this.duplicates =
                Counter.builder("pulse.events.duplicates")
                        .description("Events dropped because their id was already counted")
                        .register(registry);
        this.idStoreLookups =
                Counter.builder("pulse.dedup.store.lookups")
                        .description(
                                "Events whose id the in-memory filter could not rule out, looked"
                                        + " up in the id store (duplicates, ~1 % false positives,"
                                        + " windows past pipeline.dedupFilterMegabytes)")
                        .register(registry);
        this.late =
                Counter.builder("pulse.events.late")
                        .description("Events dropped because they arrived after the grace period")
                        .register(registry);
        this.funnelLate =
                Counter.builder("pulse.funnel.events.late")
                        .description(
                                "Events of funnel steps not counted in the funnels because they"
                                        + " arrived after the grace period")
                        .register(registry);
        this.counted =
                Counter.builder("pulse.events.counted")
                        .description("Events counted into engagement")
                        .register(registry);
        this.backfilledDays =
                Counter.builder(BACKFILL_LOADS)
                        .description(
                                "Backfilled tenant-days loaded into the daily engagement store")
                        .register(registry);
        // Fixed buckets around the 1 s target rather than a percentile histogram: 12 series.
        this.freshness =
                Timer.builder("pulse.score.freshness")
                        .description(
                                "From an event's time to its tenant's refreshed score being"
                                        + " readable; ages over 2 min (replays, backfills) are"
                                        + " recorded as 2 min")
                        .serviceLevelObjectives(FRESHNESS_BUCKETS)
                        .register(registry);
        for (AlertAction action : AlertAction.values()) {
            ignoredCommand(action.name().toLowerCase(Locale.ROOT));
        }
        FOLLOW_UP_IGNORED_REASONS.forEach(this::ignoredFollowUpCommand);
        DEAD_LETTER_REASONS.forEach(this::deadLetter);
        for (AlertRule rule : rules) {
            for (AlertState state : AlertState.values()) {
                alertTransition(rule.id(), rule.severity(), state);
            }
        }
    }

    /**
     * The backfill counter's name (the name does not say "days": promtool reads that as a unit).
     */
    public static final String BACKFILL_LOADS = "pulse.backfill.loads";

    private static final Duration[] FRESHNESS_BUCKETS = {
        Duration.ofMillis(100),
        Duration.ofMillis(250),
        Duration.ofMillis(500),
        Duration.ofSeconds(1),
        Duration.ofSeconds(2),
        Duration.ofSeconds(5),
        Duration.ofSeconds(10),
        Duration.ofSeconds(30),
        Duration.ofMinutes(1)
    };

    /** Older ages are recorded as this: beyond every bucket, so only +Inf counts them. */
    static final Duration FRESHNESS_CLAMP = Duration.ofMinutes(2);

    @Override
    public void onDeadLetter(String code) {
        deadLetter(code).increment();
    }

    private Counter deadLetter(String code) {
        return deadLetters.computeIfAbsent(
                code,
                c ->
                        Counter.builder("pulse.events.dead.lettered")
                                .description("Records sent to the dead-letter topic, by reason")
                                .tag("reason", c)
                                .register(registry));
    }

    @Override
    public void onDuplicate() {
        duplicates.increment();
    }

    @Override
    public void onIdLookedUpInStore() {
        idStoreLookups.increment();
    }

    @Override
    public void onLateEvent() {
        late.increment();
    }

    @Override
    public void onFunnelLateEvent() {
        funnelLate.increment();
    }

    @Override
    public void onCounted() {
        counted.increment();
    }

    @Override
    public void onBackfilledDay() {
        backfilledDays.increment();
    }

    @Override
    public void onScoreRefreshed(long eventAgeMs) {
        // Replayed history is days old: clamped above the last bucket it still lands in +Inf, and
        // the timer's sum (a long of nanoseconds) cannot overflow within any realistic uptime.
        long age = Math.min(Math.max(0, eventAgeMs), FRESHNESS_CLAMP.toMillis());
        freshness.record(age, TimeUnit.MILLISECONDS);
    }

    @Override
    public void onAlertCommandIgnored(String action) {
        ignoredCommand(action).increment();
    }

    private Counter ignoredCommand(String action) {
        return ignoredCommands.computeIfAbsent(
                action,
                a ->
                        Counter.builder("pulse.alert.commands.ignored")
                                .description(
                                        "Alert commands on unknown alerts or in a wrong"
                                                + " state, by action")
                                .tag("action", a)
                                .register(registry));
    }

    @Override
    public void onFollowUpCommandIgnored(String reason) {
        ignoredFollowUpCommand(reason).increment();
    }

    private Counter ignoredFollowUpCommand(String reason) {
        return ignoredFollowUpCommands.computeIfAbsent(
                reason,
                r ->
                        Counter.builder("pulse.follow.up.commands.ignored")
                                .description(
                                        "Follow-up commands not applied (invalid, unknown,"
                                                + " duplicate, unchanged, conflict), by"
                                                + " reason")
                                .tag("reason", r)
                                .register(registry));
    }

    /**
     * {@code pulse_alerts_transitions_total{rule,severity,state}}: alerts that went pending, fired
     * or resolved, by rule and severity. Rules and severities are few and configured, so the series
     * stay few.
     */
    @Override
    public void onAlertTransition(String ruleId, Severity severity, AlertState to) {
        alertTransition(ruleId, severity, to).increment();
    }

    private Counter alertTransition(String ruleId, Severity severity, AlertState to) {
        String severityLabel = severity.label();
        String state = to.name().toLowerCase(Locale.ROOT);
        return alertTransitions.computeIfAbsent(
                ruleId + '\u0000' + severityLabel + '\u0000' + state,
                k ->
                        Counter.builder("pulse.alerts.transitions")
                                .description(
                                        "Alert state changes (pending, firing, resolved),"
                                                + " by rule and severity")
                                .tag("rule", ruleId)
                                .tag("severity", severityLabel)
                                .tag("state", state)
                                .register(registry));
    }
}
