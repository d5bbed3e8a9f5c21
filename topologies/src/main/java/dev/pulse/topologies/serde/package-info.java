/**
 * Kafka serdes of the compact binary store formats (engagement buckets, health scores): the Kafka
 * side of domain records, kept out of the domain packages so those stay plain Java.
 */
package dev.pulse.topologies.serde;
