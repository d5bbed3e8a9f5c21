package dev.pulse.topologies.account;

import java.time.LocalDate;

/**
 * One customer account (tenant) of the account directory.
 *
 * @param owner e-mail of the account manager who owns the account, lower case
 * @param licensedSeats seats the customer pays for; null when unknown
 * @param arr annual recurring revenue in the company's currency; null when unknown
 */
public record Account(
        String tenantId,
        String name,
        String owner,
        String team,
        String plan,
        Long licensedSeats,
        Double arr,
        LocalDate renewalDate,
        String segment) {}
