/**
 * The notifier: who is told about which alert, where and when. See {@link
 * dev.pulse.notify.NotifierTopology} for the dataflow and docs/notifications.md for behaviour.
 */
package dev.pulse.notify;
