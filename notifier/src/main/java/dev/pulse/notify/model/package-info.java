/**
 * What the notifier stores and sends: notifications (one per person per alert change), people's
 * preferences, outbox entries (one per notification per push channel) and deliveries.
 */
package dev.pulse.notify.model;
