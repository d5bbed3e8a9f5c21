/**
 * Product adoption funnels: their definitions, one user's progress through one, and daily tallies.
 */
package dev.pulse.topologies.funnel;
