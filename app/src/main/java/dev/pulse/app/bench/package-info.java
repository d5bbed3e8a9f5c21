/**
 * {@code pulse bench}: ingest, freshness and query-latency measurements against the targets, and
 * the status quo (an hourly batch in PostgreSQL) beside them.
 */
package dev.pulse.app.bench;
