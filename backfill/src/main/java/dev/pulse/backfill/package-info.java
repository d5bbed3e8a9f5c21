/** Backfill of past usage events into Pulse's daily engagement and scores, run on Apache Flink. */
package dev.pulse.backfill;
