package dev.pulse.api;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.micrometer.Label;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;
import java.time.Duration;
import java.util.EnumSet;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Creates the Vert.x instance the API runs on, with its HTTP server metrics recorded into a given
 * Prometheus registry.
 *
 * <p>Requests are labelled by route template ({@code /v1/accounts/:tenant}), method and status
 * code, never by raw path, so tenant ids cannot multiply the series. Response time is a histogram
 * with fixed buckets from 1 ms to 10 s, so p99 can be computed across instances.
 *
 * <p>Call it before binding other meters to the registry: the bucket configuration is a meter
 * filter, and Micrometer warns about filters added after meters.
 */
public final class ApiVertx {
    /** Micrometer name of the Vert.x HTTP server response-time timer. */
    static final String RESPONSE_TIME = "vertx.http.server.response.time";

    private static final double[] RESPONSE_TIME_BUCKETS =
            Stream.of(1, 2, 5, 10, 20, 50, 100, 200, 500, 1_000, 2_000, 5_000, 10_000)
                    .mapToDouble(ms -> Duration.ofMillis(ms).toNanos())
                    .toArray();

    private ApiVertx() {}

    /**
     * Adds the API's meter filters (the response-time histogram's buckets). Call it on a new
     * registry, before anything registers a meter: Micrometer applies a filter added later only to
     * later meters, and the Prometheus registry then drops meters registered before it.
     */
    public static <R extends MeterRegistry> R withApiFilters(R registry) {
        registry.config().meterFilter(responseTimeHistogram());
        return registry;
    }

    /** A Vert.x whose metrics go to {@code registry}, prepared by {@link #withApiFilters}. */
    public static Vertx create(PrometheusMeterRegistry registry) {
        MicrometerMetricsOptions metrics =
                new MicrometerMetricsOptions()
                        .setEnabled(true)
                        // vertx-micrometer keeps backends in a static map keyed by this name: a
                        // shared name would bind a second Vertx to the first one's registry.
                        .setRegistryName("pulse-api-" + UUID.randomUUID())
                        .setLabels(
                                EnumSet.of(
                                        Label.HTTP_ROUTE,
                                        Label.HTTP_METHOD,
                                        Label.HTTP_CODE,
                                        Label.POOL_TYPE,
                                        Label.POOL_NAME));
        return Vertx.builder()
                .with(new VertxOptions().setMetricsOptions(metrics))
                .withMetrics(new MicrometerMetricsFactory(registry))
                .build();
    }

    private static MeterFilter responseTimeHistogram() {
        return new MeterFilter() {
            @Override
            public DistributionStatisticConfig configure(
                    Meter.Id id, DistributionStatisticConfig config) {
                if (!RESPONSE_TIME.equals(id.getName())) {
                    return config;
                }
                return DistributionStatisticConfig.builder()
                        .serviceLevelObjectives(RESPONSE_TIME_BUCKETS)
                        .build()
                        .merge(config);
            }
        };
    }
}
