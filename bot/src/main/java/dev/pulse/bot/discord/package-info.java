/**
 * Discord through JDA: the {@code /pulse} slash command, alert buttons, replies as embeds, and
 * alerts as direct messages.
 */
package dev.pulse.bot.discord;
