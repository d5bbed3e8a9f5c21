/** Alerts of the caller's accounts, and people's actions on them (ack, snooze, resolve). */
package dev.pulse.api.alerts;
