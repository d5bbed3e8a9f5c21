/** Driving a real browser (Debian's Chromium) against a running Pulse: the dashboard's tests. */
package dev.pulse.app.browser;
