/** Test fixtures: a database of its own on the local PostgreSQL for each test. */
package dev.pulse.warehouse.testing;
