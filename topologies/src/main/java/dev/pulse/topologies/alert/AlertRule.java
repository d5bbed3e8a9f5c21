package dev.pulse.topologies.alert;

import java.time.Duration;

/**
 * One configured alert rule.
 *
 * @param id unique, lower case; part of every alert id ({@code tenant/rule})
 * @param severity how urgent a firing alert is
 * @param forDuration how long the condition must hold before the alert fires (zero: at once)
 * @param cooldown after an alert resolves, the same tenant and rule do not fire again within this
 * @param autoResolve whether a firing alert resolves by itself when the condition clears
 * @param description what the rule is for, for people reading the configuration; may be null
 * @param condition the kind and its parameters
 */
public record AlertRule(
        String id,
        Severity severity,
        Duration forDuration,
        Duration cooldown,
        boolean autoResolve,
        String description,
        AlertCondition condition) {

    public AlertKind kind() {
        for (AlertKind kind : AlertKind.values()) {
            if (kind.parameters().isInstance(condition)) {
                return kind;
            }
        }
        throw new IllegalStateException("no kind for " + condition);
    }
}
