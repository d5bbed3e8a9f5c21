/**
 * Kafka Streams state-store plumbing shared by every processor: changelog offsets for rarely
 * written stores, and bounded copies of values a processor last wrote.
 */
package dev.pulse.topologies.state;
