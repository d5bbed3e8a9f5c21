/** How Pulse reaches its Kafka cluster: one connection every client and topic is made from. */
package dev.pulse.streams.connection;
