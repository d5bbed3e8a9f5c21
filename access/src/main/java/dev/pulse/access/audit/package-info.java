/** The audit log of all data access: hash-chained records on a Kafka topic, and their check. */
package dev.pulse.access.audit;
