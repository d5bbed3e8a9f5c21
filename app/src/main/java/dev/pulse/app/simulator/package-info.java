/**
 * The traffic simulator: tenants with usage patterns and dated stories (fades, growth, calendar
 * cycles, holidays), rendered hour by hour as usage events; the demo's seeded base of 150 tenants
 * with sixty days of replayed usage and a live stream after that.
 */
package dev.pulse.app.simulator;
