/** UTC day and bucket arithmetic: Pulse's days are UTC days, in the pipeline and in every read. */
package dev.pulse.topologies.time;
