/** Aggregate health and engagement for a date range, across all accounts and per owner. */
package dev.pulse.access.summary;
