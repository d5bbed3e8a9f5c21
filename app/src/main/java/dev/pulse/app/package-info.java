/** The launcher: wires broker, topologies and API into one process; demo and benchmark. */
package dev.pulse.app;
