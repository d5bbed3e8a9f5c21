/** The usage-event model and its validation, shared by HTTP ingest and the topology. */
package dev.pulse.topologies.event;
