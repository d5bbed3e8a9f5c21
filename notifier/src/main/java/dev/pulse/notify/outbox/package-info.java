/**
 * The outbox: push deliveries kept in a changelogged store until their channel confirms, retried
 * with exponential backoff and jitter, one worker per channel.
 */
package dev.pulse.notify.outbox;
