/**
 * Warehouse tables read into Pulse: usage events incrementally, the account directory on refresh.
 */
package dev.pulse.warehouse.source;
