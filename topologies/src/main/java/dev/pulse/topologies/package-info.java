/** What Pulse computes: event model, scoring logic and Kafka Streams topology builders. */
package dev.pulse.topologies;
