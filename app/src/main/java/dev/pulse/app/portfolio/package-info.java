/**
 * Labelled customer portfolios for backtests: scenarios, accounts with known outcomes (churned,
 * renewed, active) and usage patterns, and their months of usage events rendered by the simulator.
 */
package dev.pulse.app.portfolio;
