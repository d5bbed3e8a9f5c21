/**
 * Platform-neutral answers: a plain-text fallback plus blocks (header, paragraph, fields, table,
 * buttons, context) that each platform adapter renders its own way.
 */
package dev.pulse.bot.reply;
