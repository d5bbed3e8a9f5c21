/** The Flink dataflow: parse, de-duplicate and count tenant-days with the pipeline's own code. */
package dev.pulse.backfill.job;
