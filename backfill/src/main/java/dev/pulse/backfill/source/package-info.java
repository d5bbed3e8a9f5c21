/** Sources of raw usage events for a backfill: the seam, and NDJSON / CSV files. */
package dev.pulse.backfill.source;
