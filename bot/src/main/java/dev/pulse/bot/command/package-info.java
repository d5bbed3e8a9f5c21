/** The chat command language every platform shares: normalise, parse, answer help. */
package dev.pulse.bot.command;
