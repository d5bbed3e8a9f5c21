/** The health score: a configurable, explainable weighted scorecard over daily engagement. */
package dev.pulse.topologies.health;
