package dev.pulse.app.simulator;

/**
 * An account manager of the demo customer base.
 *
 * @param email lower case, {@code first.last@demo.pulse.dev}; accounts name it as their owner
 * @param team the team the manager belongs to, as written on the accounts
 * @param managerEmail e-mail of the team's manager
 */
public record AccountManager(String name, String email, String team, String managerEmail) {}
