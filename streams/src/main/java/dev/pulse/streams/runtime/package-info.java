/** Kafka Streams lifecycle: configuration, topics, start, readiness, shutdown. */
package dev.pulse.streams.runtime;
