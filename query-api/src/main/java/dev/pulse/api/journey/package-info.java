/**
 * The account journey over HTTP: one account's stage and moves, and the aggregate over a period.
 */
package dev.pulse.api.journey;
