/**
 * The bot's engine: who the chat user is in Pulse, what they may see, executing commands through
 * the same read layer, authorization and audit log as the HTTP API, and composing the replies.
 */
package dev.pulse.bot.core;
