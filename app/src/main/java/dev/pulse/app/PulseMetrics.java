package dev.pulse.app;

import dev.pulse.api.ApiVertx;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The registry behind {@code /metrics}: {@code pulse_build_info{version,revision} 1}, and no {@code
 * kafka_version} label. Micrometer's Kafka binders put the client version on every Kafka series
 * (over a third of a scrape's bytes); it never varies within one process, and the build info
 * already says which Pulse, and so which Kafka, runs.
 */
final class PulseMetrics {
    private PulseMetrics() {}

    static PrometheusMeterRegistry create() {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        registry.config().meterFilter(MeterFilter.ignoreTags("kafka.version"));
        // Every filter before the first meter: the Prometheus registry drops earlier meters.
        ApiVertx.withApiFilters(registry);
        Properties build = buildProperties();
        Gauge.builder("pulse.build.info", () -> 1)
                .description("Always 1; the labels say which build of Pulse runs")
                .tag("version", build.getProperty("version", "unknown"))
                .tag("revision", build.getProperty("revision", "unknown"))
                .register(registry);
        return registry;
    }

    private static Properties buildProperties() {
        Properties properties = new Properties();
        try (InputStream in = PulseMetrics.class.getResourceAsStream("/pulse-build.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read pulse-build.properties", e);
        }
        return properties;
    }
}
