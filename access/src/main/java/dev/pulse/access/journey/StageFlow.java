package dev.pulse.access.journey;

/**
 * Accounts that moved from one stage to another during a period.
 *
 * @param accounts distinct accounts that made this move at least once
 * @param share of the distinct accounts that left {@code from} in the period, 0–1
 */
public record StageFlow(String from, String to, long accounts, double share) {}
