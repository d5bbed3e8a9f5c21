package dev.pulse.topologies.alert;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Evaluates every rule for one tenant at one instant and steps each (tenant, rule) alert through
 * its lifecycle. The topology and the backtest both evaluate through it.
 */
public final class AlertEvaluator {
    private final AlertRules rules;

    public AlertEvaluator(AlertRules rules) {
        this.rules = rules;
    }

    public AlertRules rules() {
        return rules;
    }

    /**
     * The steps of every rule for the tenant, in rule order, leaving out rules with nothing to
     * keep. An alert last evaluated after {@code in.now()} is left as it is: a late, earlier view
     * never overrides a newer one.
     *
     * @param current the stored alert of an alert id, or null
     */
    public List<Outcome> evaluate(AlertInput in, Function<String, Alert> current) {
        List<Outcome> outcomes = new ArrayList<>();
        for (AlertRule rule : rules.rules()) {
            String id = Alert.id(in.tenantId(), rule.id());
            Alert before = current.apply(id);
            if (before != null
                    && before.lastEvaluatedAt() != null
                    && before.lastEvaluatedAt().isAfter(in.now())) {
                continue;
            }
            Evaluation evaluation = rule.condition().evaluate(in);
            AlertLifecycle.Step step =
                    AlertLifecycle.next(before, rule, rules.version(), in, evaluation);
            if (step.alert() != null) {
                outcomes.add(new Outcome(rule, before, step, evaluation));
            }
        }
        return outcomes;
    }

    /** One rule's step, with the alert as it was before and the evaluation behind it. */
    public record Outcome(
            AlertRule rule, Alert before, AlertLifecycle.Step step, Evaluation evaluation) {
        /** Whether the state changed (not only a snooze ending or a fresh evaluation time). */
        public boolean stateChanged() {
            return step.changed() && (before == null || before.state() != step.alert().state());
        }
    }
}
