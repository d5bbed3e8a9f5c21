/** Pulse's warehouse tables, created and upgraded by versioned migrations. */
package dev.pulse.warehouse.schema;
