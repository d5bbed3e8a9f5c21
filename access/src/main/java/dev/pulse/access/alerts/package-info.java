/**
 * Alerts as people see and act on them: which alerts a caller sees (newest change first), one alert
 * by its id, and ack / snooze / resolve checked against the alert's state before the command is
 * recorded.
 */
package dev.pulse.access.alerts;
