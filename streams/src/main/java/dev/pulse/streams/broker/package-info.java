/**
 * An in-process single-node Kafka KRaft broker, the embedded default that lets Pulse run without
 * external infrastructure.
 */
package dev.pulse.streams.broker;
