/** The account journey: lifecycle stages from config/journey.yaml and the daily stepper. */
package dev.pulse.topologies.journey;
