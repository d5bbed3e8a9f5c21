/** The bench's dashboard phase: cold page loads timed in a real Chromium driven over DevTools. */
package dev.pulse.app.bench.dashboard;
