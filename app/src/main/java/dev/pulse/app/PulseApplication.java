package dev.pulse.app;

import dev.pulse.api.ApiDependencies;
import dev.pulse.api.ApiServer;
import dev.pulse.api.ApiVertx;
import dev.pulse.api.metrics.JvmMetricsBinder;
import dev.pulse.app.config.PulseConfig;
import dev.pulse.streams.broker.EmbeddedKafkaBroker;
import dev.pulse.streams.ingest.KafkaEventPublisher;
import dev.pulse.streams.read.LocalStateReader;
import dev.pulse.streams.read.RemoteStateClient;
import dev.pulse.streams.read.RoutingStateReader;
import dev.pulse.streams.runtime.PulseStreams;
import dev.pulse.streams.runtime.StreamsSettings;
import dev.pulse.topologies.health.HealthModel;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.streams.state.HostInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Pulse instance: the embedded broker (unless Kafka is external), the topologies, and the query
 * API, wired together and closed in reverse order. The launcher and the end-to-end tests both start
 * Pulse through this class, so tests run what users run.
 */
public final class PulseApplication implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PulseApplication.class);

    private final Deque<AutoCloseable> resources = new ArrayDeque<>();
    private String bootstrapServers;
    private PulseStreams streams;
    private ApiServer api;
    private HealthModel model;
    private PrometheusMeterRegistry registry;

    private PulseApplication() {}

    /** Starts everything; returns when the API listens (streams may still be restoring). */
    public static PulseApplication start(PulseConfig config, StartupProgress progress) {
        PulseApplication app = new PulseApplication();
        try {
            app.startAll(config, progress);
            return app;
        } catch (RuntimeException e) {
            app.close();
            throw e;
        }
    }

    private void startAll(PulseConfig config, StartupProgress progress) {
        model = loadModel(config.healthModel());
        registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        resources.push(registry::close);
        // Vert.x installs meter filters: create it before any meter is registered.
        Vertx vertx = ApiVertx.create(registry);
        resources.push(() -> vertx.close().await(10, TimeUnit.SECONDS));
        JvmMetricsBinder.bindTo(registry);

        if (config.kafka().embedded()) {
            progress.step("Starting the embedded Kafka broker (KRaft)");
            Path dataDir = Path.of(config.kafka().embeddedDataDir());
            EmbeddedKafkaBroker broker =
                    EmbeddedKafkaBroker.start(dataDir, config.kafka().embeddedPort());
            resources.push(broker);
            bootstrapServers = broker.bootstrapServers();
        } else {
            bootstrapServers = config.kafka().bootstrapServers();
        }

        int apiPort = config.api().port() == 0 ? freePort() : config.api().port();
        progress.step("Starting the topologies on " + bootstrapServers);
        StreamsSettings settings = streamsSettings(config, apiPort);
        streams = PulseStreams.start(settings, registry);
        resources.push(streams);

        KafkaEventPublisher publisher = new KafkaEventPublisher(bootstrapServers);
        resources.push(publisher);
        LocalStateReader local = new LocalStateReader(streams.kafkaStreams());
        RoutingStateReader routing =
                new RoutingStateReader(
                        streams.kafkaStreams(),
                        new HostInfo(config.api().advertisedHost(), apiPort),
                        local,
                        new RemoteStateClient());

        progress.step("Starting the API on port " + apiPort);
        ApiDependencies deps =
                new ApiDependencies(
                        routing, local, publisher, registry, streams::isRunning, Clock.systemUTC());
        api = awaitFuture(ApiServer.start(vertx, deps, config.api().host(), apiPort));
        resources.push(() -> api.close().await(10, TimeUnit.SECONDS));
    }

    private StreamsSettings streamsSettings(PulseConfig config, int apiPort) {
        PulseConfig.Streams s = config.streams();
        return new StreamsSettings(
                bootstrapServers,
                s.applicationId(),
                Path.of(s.stateDir()),
                config.api().advertisedHost(),
                apiPort,
                s.partitions(),
                s.replicationFactor(),
                s.standbyReplicas(),
                s.threads(),
                s.rocksDbCacheMb() << 20,
                model,
                config.pipeline().settings());
    }

    /** Waits until the streams are RUNNING (all local state restored). */
    public void awaitRunning(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!streams.isRunning()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(
                        "Kafka Streams not RUNNING after "
                                + timeout
                                + " ("
                                + streams.state()
                                + ")");
            }
            try {
                TimeUnit.MILLISECONDS.sleep(50); // polling a state flag with a deadline
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
    }

    public int apiPort() {
        return api.port();
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    public PulseStreams streams() {
        return streams;
    }

    public HealthModel model() {
        return model;
    }

    /** The registry the pipeline, Kafka Streams and the API record into ({@code /metrics}). */
    public PrometheusMeterRegistry meterRegistry() {
        return registry;
    }

    @Override
    public void close() {
        while (!resources.isEmpty()) {
            AutoCloseable resource = resources.pop();
            try {
                resource.close();
            } catch (Exception e) {
                LOG.warn("Error while shutting down: {}", e.toString());
            }
        }
    }

    static HealthModel loadModel(String location) {
        try {
            Path file = Path.of(location);
            if (Files.isRegularFile(file)) {
                return HealthModel.fromYaml(Files.readString(file));
            }
            try (InputStream bundled =
                    PulseApplication.class.getResourceAsStream("/config/health-model.yaml")) {
                if (bundled == null) {
                    throw new IllegalStateException("no health model at " + location);
                }
                return HealthModel.fromYaml(
                        new String(bundled.readAllBytes(), StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read health model " + location, e);
        }
    }

    private static <T> T awaitFuture(io.vertx.core.Future<T> future) {
        try {
            return future.await(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("API failed to start: " + e.getMessage(), e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Told what start-up is doing, so a person watching sees progress. */
    @FunctionalInterface
    public interface StartupProgress {
        StartupProgress SILENT = step -> {};

        void step(String description);
    }
}
