/**
 * The Slack adapter: Bolt handlers for slash commands, mentions, direct messages, buttons and the
 * App Home over HTTP or Socket Mode, Block Kit rendering, and the notifier's Slack push channel.
 */
package dev.pulse.bot.slack;
