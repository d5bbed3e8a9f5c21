/** The Prometheus endpoint and the JVM metrics it exposes. */
package dev.pulse.api.metrics;
