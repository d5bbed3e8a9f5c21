package dev.pulse.access.alerts;

import dev.pulse.topologies.alert.Alert;
import dev.pulse.topologies.alert.AlertCommand;

/** What came of acting on an alert; front ends map each case to a status code or a sentence. */
public sealed interface AlertActionResult {
    /** The command is recorded; the topology applies it to {@code alert}. */
    record Accepted(Alert alert, AlertCommand command) implements AlertActionResult {}

    /** No alert with that id in the caller's scope. */
    record NotFound(String alertId) implements AlertActionResult {}

    /** The action does not fit the alert's state, e.g. resolving a resolved alert. */
    record Conflict(Alert alert, String reason) implements AlertActionResult {}
}
