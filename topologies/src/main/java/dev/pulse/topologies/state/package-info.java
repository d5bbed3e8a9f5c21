/**
 * Kafka Streams state-store plumbing shared by every processor: changelog offsets for rarely
 * written stores, bounded copies of values a processor last wrote, whole decoded copies of a
 * store's active partitions that the read layer answers from, and a window-store layer that writes
 * each touched window once per commit.
 */
package dev.pulse.topologies.state;
