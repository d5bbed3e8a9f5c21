/** Checks of the operations assets: a scrape, PromQL's metric names, and promtool. */
package dev.pulse.app.ops;
