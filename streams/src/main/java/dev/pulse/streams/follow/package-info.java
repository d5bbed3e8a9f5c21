/**
 * Reading a topic outside Kafka Streams: a daemon thread that follows every partition of one topic
 * without a consumer group, for state every instance needs whole (API keys) or for live fan-out
 * (score updates).
 */
package dev.pulse.streams.follow;
