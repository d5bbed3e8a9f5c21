/** Tokenising and normalising chat input for the command parser; not an API. */
package dev.pulse.bot.command.internal;
