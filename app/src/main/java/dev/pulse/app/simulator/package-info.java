/**
 * The demo traffic simulator: a seeded customer base of 150 tenants with behaviour archetypes,
 * sixty days of replayed usage events and a live stream after that.
 */
package dev.pulse.app.simulator;
