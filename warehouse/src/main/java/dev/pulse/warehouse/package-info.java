/**
 * Pulse's PostgreSQL warehouse: settings, the connection, and the lifecycle of sink and sources.
 */
package dev.pulse.warehouse;
