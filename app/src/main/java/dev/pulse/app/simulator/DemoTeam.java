package dev.pulse.app.simulator;

/** A team of account managers and the person who leads it. */
public record DemoTeam(String name, String managerName, String managerEmail) {}
