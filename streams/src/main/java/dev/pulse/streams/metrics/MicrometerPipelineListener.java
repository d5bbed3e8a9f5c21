package dev.pulse.streams.metrics;

import dev.pulse.topologies.alert.AlertState;
import dev.pulse.topologies.alert.Severity;
import dev.pulse.topologies.pipeline.PipelineListener;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts what the pipeline counted, dropped and dead-lettered, and the alerts' state changes, as
 * Prometheus counters.
 */
public final class MicrometerPipelineListener implements PipelineListener {
    private final MeterRegistry registry;
    private final Map<String, Counter> deadLetters = new ConcurrentHashMap<>();
    private final Map<String, Counter> ignoredCommands = new ConcurrentHashMap<>();
    private final Map<String, Counter> ignoredFollowUpCommands = new ConcurrentHashMap<>();
    private final Map<String, Counter> alertTransitions = new ConcurrentHashMap<>();
    private final Counter duplicates;
    private final Counter late;
    private final Counter counted;
    private final Counter backfilledDays;

    public MicrometerPipelineListener(MeterRegistry registry) {
        this.registry = registry;
        this.duplicates =
                Counter.builder("pulse.events.duplicates")
                        .description("Events dropped because their id was already counted")
                        .register(registry);
        this.late =
                Counter.builder("pulse.events.late")
                        .description("Events dropped because they arrived after the grace period")
                        .register(registry);
        this.counted =
                Counter.builder("pulse.events.counted")
                        .description("Events counted into engagement")
                        .register(registry);
        this.backfilledDays =
                Counter.builder("pulse.backfill.days.loaded")
                        .description(
                                "Backfilled tenant-days loaded into the daily engagement store")
                        .register(registry);
    }

    @Override
    public void onDeadLetter(String code) {
        deadLetters
                .computeIfAbsent(
                        code,
                        c ->
                                Counter.builder("pulse.events.dead.lettered")
                                        .description(
                                                "Records sent to the dead-letter topic, by reason")
                                        .tag("reason", c)
                                        .register(registry))
                .increment();
    }

    @Override
    public void onDuplicate() {
        duplicates.increment();
    }

    @Override
    public void onLateEvent() {
        late.increment();
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
    public void onAlertCommandIgnored(String action) {
        ignoredCommands
                .computeIfAbsent(
                        action,
                        a ->
                                Counter.builder("pulse.alert.commands.ignored")
                                        .description(
                                                "Alert commands on unknown alerts or in a wrong"
                                                        + " state, by action")
                                        .tag("action", a)
                                        .register(registry))
                .increment();
    }

    @Override
    public void onFollowUpCommandIgnored(String reason) {
        ignoredFollowUpCommands
                .computeIfAbsent(
                        reason,
                        r ->
                                Counter.builder("pulse.follow.up.commands.ignored")
                                        .description(
                                                "Follow-up commands not applied (invalid, unknown,"
                                                        + " duplicate, unchanged, conflict), by"
                                                        + " reason")
                                        .tag("reason", r)
                                        .register(registry))
                .increment();
    }

    /**
     * {@code pulse_alerts_transitions_total{rule,severity,state}}: alerts that went pending, fired
     * or resolved, by rule and severity. Rules and severities are few and configured, so the series
     * stay few.
     */
    @Override
    public void onAlertTransition(String ruleId, Severity severity, AlertState to) {
        String severityLabel = severity.label();
        String state = to.name().toLowerCase(Locale.ROOT);
        alertTransitions
                .computeIfAbsent(
                        ruleId + '\u0000' + severityLabel + '\u0000' + state,
                        k ->
                                Counter.builder("pulse.alerts.transitions")
                                        .description(
                                                "Alert state changes (pending, firing, resolved),"
                                                        + " by rule and severity")
                                        .tag("rule", ruleId)
                                        .tag("severity", severityLabel)
                                        .tag("state", state)
                                        .register(registry))
                .increment();
    }
}
