/** Micrometer instrumentation of the pipeline. */
package dev.pulse.streams.metrics;
