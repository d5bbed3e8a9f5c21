/**
 * Pulse's results written into the warehouse: exactly once in effect, offsets kept with the rows.
 */
package dev.pulse.warehouse.sink;
