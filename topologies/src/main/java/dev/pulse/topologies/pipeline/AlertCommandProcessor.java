package dev.pulse.topologies.pipeline;

import dev.pulse.topologies.alert.Alert;
import dev.pulse.topologies.alert.AlertCommand;
import dev.pulse.topologies.alert.AlertLifecycle;
import dev.pulse.topologies.topic.PulseStores;
import java.time.Instant;
import java.util.Locale;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.WindowStore;

/**
 * Applies people's alert commands (ack, snooze, resolve) to the {@code alerts} store it shares with
 * {@link AlertProcessor}, and forwards each alert a command changed (and appends it to the alert
 * history). Commands whose key is not the alert's tenant, on unknown alerts, or that do not fit the
 * alert's state are ignored and counted.
 */
final class AlertCommandProcessor implements Processor<String, AlertCommand, String, Alert> {
    private final PipelineListener listener;
    private ProcessorContext<String, Alert> context;
    private KeyValueStore<String, Alert> alerts;
    private WindowStore<String, Alert> alertHistory;

    AlertCommandProcessor(PipelineListener listener) {
        this.listener = listener;
    }

    @Override
    public void init(ProcessorContext<String, Alert> context) {
        this.context = context;
        this.alerts = context.getStateStore(PulseStores.ALERTS);
        this.alertHistory = context.getStateStore(PulseStores.ALERT_HISTORY);
    }

    @Override
    public void process(Record<String, AlertCommand> record) {
        AlertCommand command = record.value();
        String tenant = record.key();
        long now = Math.max(context.currentSystemTimeMs(), context.currentStreamTimeMs());
        Alert current =
                command == null || command.alertId() == null ? null : alerts.get(command.alertId());
        boolean sameTenant = current != null && current.tenantId().equals(tenant);
        AlertLifecycle.Step step =
                sameTenant
                        ? AlertLifecycle.apply(current, command, Instant.ofEpochMilli(now))
                        : AlertLifecycle.Step.NOTHING;
        if (!step.changed()) {
            listener.onAlertCommandIgnored(
                    command == null || command.action() == null
                            ? "unknown"
                            : command.action().name().toLowerCase(Locale.ROOT));
            return;
        }
        alerts.put(current.id(), step.alert());
        Instant at = command.at() == null ? Instant.ofEpochMilli(now) : command.at();
        alertHistory.put(tenant, step.alert(), at.toEpochMilli());
        if (step.alert().state() != current.state()) {
            listener.onAlertTransition(current.ruleId(), current.severity(), step.alert().state());
        }
        context.forward(new Record<>(tenant, step.alert(), now));
    }
}
