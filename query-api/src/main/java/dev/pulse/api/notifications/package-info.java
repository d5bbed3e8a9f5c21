/**
 * The caller's notifications: the in-app feed, read marks, the live SSE stream and notification
 * preferences. Always the caller's own; the notifier decides who gets what.
 */
package dev.pulse.api.notifications;
