/**
 * The at-risk decision: an account's change against its own normal, adjusted for the portfolio's
 * movement on the same days, with persistence, next to the level of its health score.
 */
package dev.pulse.topologies.risk;
