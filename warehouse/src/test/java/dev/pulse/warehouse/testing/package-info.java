/**
 * Test fixtures: a database of its own on the local PostgreSQL for each test; a throwaway cluster
 * that takes only SCRAM password logins.
 */
package dev.pulse.warehouse.testing;
