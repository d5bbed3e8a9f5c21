package dev.pulse.topologies.pipeline;

import dev.pulse.topologies.alert.Alert;
import dev.pulse.topologies.followup.FollowUp;
import dev.pulse.topologies.followup.FollowUpAction;
import dev.pulse.topologies.followup.FollowUpCommand;
import dev.pulse.topologies.followup.FollowUpLifecycle;
import dev.pulse.topologies.state.ChangelogOffsets;
import dev.pulse.topologies.topic.PulseStores;
import java.time.Duration;
import java.time.Instant;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Applies people's follow-up commands ({@link FollowUpLifecycle#apply}) to the {@code follow-ups}
 * store, keyed {@code tenant/followUpId}. A create from an alert must name an alert of the same
 * tenant in the {@code alerts} store; reading that store also keeps this processor in the tenant's
 * health sub-topology, so a tenant's follow-ups live on the instance that owns its scores. Commands
 * that are not applied (invalid, unknown, sent twice, conflicting) are ignored and counted.
 */
final class FollowUpCommandProcessor implements Processor<String, FollowUpCommand, Void, Void> {
    /** Follow-ups change rarely: their store gets an offset this long after start at the latest. */
    private static final Duration TOUCH_AFTER = Duration.ofSeconds(1);

    private final PipelineListener listener;
    private ProcessorContext<Void, Void> context;
    private KeyValueStore<String, FollowUp> followUps;
    private KeyValueStore<String, Alert> alerts;
    private ChangelogOffsets offsets;

    FollowUpCommandProcessor(PipelineListener listener) {
        this.listener = listener;
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        this.context = context;
        this.followUps = context.getStateStore(PulseStores.FOLLOW_UPS);
        this.alerts = context.getStateStore(PulseStores.ALERTS);
        this.offsets = new ChangelogOffsets(context).keyValue(followUps).ensureWithin(TOUCH_AFTER);
    }

    @Override
    public void process(Record<String, FollowUpCommand> record) {
        offsets.ensure();
        String tenant = record.key();
        FollowUpCommand command = record.value();
        long now = Math.max(context.currentSystemTimeMs(), context.currentStreamTimeMs());
        String key =
                tenant == null || command == null || command.followUpId() == null
                        ? null
                        : FollowUp.key(tenant, command.followUpId());
        FollowUp current = key == null ? null : followUps.get(key);
        FollowUpLifecycle.Step step =
                FollowUpLifecycle.apply(current, tenant, command, Instant.ofEpochMilli(now));
        if (step.changed() && key != null && alertIsKnown(command)) {
            followUps.put(key, step.followUp());
        } else {
            listener.onFollowUpCommandIgnored(
                    step.changed() ? "unknown-alert" : step.outcome().label());
        }
    }

    /** A create from an alert names an alert this task holds; anything else needs no alert. */
    private boolean alertIsKnown(FollowUpCommand command) {
        return command.action() != FollowUpAction.CREATE
                || command.alertId() == null
                || alerts.get(command.alertId()) != null;
    }
}
