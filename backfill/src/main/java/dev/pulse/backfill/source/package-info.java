/** Sources of raw usage events for a backfill: the seam, NDJSON / CSV files, a warehouse table. */
package dev.pulse.backfill.source;
