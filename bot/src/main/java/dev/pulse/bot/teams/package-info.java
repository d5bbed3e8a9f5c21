/**
 * Microsoft Teams: commands through an HMAC-signed outgoing webhook answered with Adaptive Cards,
 * and alerts posted as Adaptive Cards to incoming webhook / Workflows URLs.
 */
package dev.pulse.bot.teams;
