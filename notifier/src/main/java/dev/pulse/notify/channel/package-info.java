/**
 * Push channels: {@link dev.pulse.notify.channel.Channel} is what the outbox calls, on one worker
 * thread per channel; e-mail lives here, chat channels plug in from the bot module.
 */
package dev.pulse.notify.channel;
