/** History older than the stores keep, read back from the warehouse tables. */
package dev.pulse.warehouse.history;
