/** {@code pulse bench}: ingest, freshness and query-latency measurements against the targets. */
package dev.pulse.app.bench;
