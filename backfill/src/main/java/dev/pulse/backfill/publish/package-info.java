/** Hands the job's tenant-days to Pulse on the backfill topic. */
package dev.pulse.backfill.publish;
