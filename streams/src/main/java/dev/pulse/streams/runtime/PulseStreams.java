package dev.pulse.streams.runtime;

import dev.pulse.streams.metrics.MicrometerPipelineListener;
import dev.pulse.topologies.pipeline.HealthPipelineTopology;
import dev.pulse.topologies.pipeline.PipelineListener;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the health pipeline on Kafka Streams: creates missing topics, starts, reports readiness
 * (RUNNING and not rebalancing) and what is still restoring ({@link RestoreProgress}), exposes
 * Kafka Streams metrics, and closes cleanly so local state is checkpointed and a restart does not
 * restore from the changelogs.
 */
public final class PulseStreams implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PulseStreams.class);

    private final KafkaStreams streams;
    private final KafkaStreamsMetrics metrics;
    private final RestoreProgress restores = new RestoreProgress();
    private final AtomicReference<KafkaStreams.State> state =
            new AtomicReference<>(KafkaStreams.State.CREATED);

    private PulseStreams(KafkaStreams streams, KafkaStreamsMetrics metrics) {
        this.streams = streams;
        this.metrics = metrics;
    }

    /** Creates topics, builds the topology and starts it; returns before it is RUNNING. */
    public static PulseStreams start(StreamsSettings settings, MeterRegistry registry) {
        return start(settings, registry, builder -> {});
    }

    /**
     * As {@link #start(StreamsSettings, MeterRegistry)}, with more processing added to the same
     * application (the notifier): it shares the pipeline's threads, exactly-once transactions and
     * global stores.
     */
    public static PulseStreams start(
            StreamsSettings settings, MeterRegistry registry, Consumer<StreamsBuilder> extension) {
        PulseTopicsAdmin.ensureTopics(settings);
        MicrometerPipelineListener listener = new MicrometerPipelineListener(registry);
        Topology topology = topology(settings, listener, extension);
        KafkaStreams streams =
                new KafkaStreams(topology, PulseStreamsConfig.of(settings, listener));
        // Stores and tasks register their metrics after start: look for new ones every 5 s
        // rather than Micrometer's default minute.
        KafkaStreamsMetrics metrics =
                new KafkaStreamsMetrics(
                        streams,
                        List.of(),
                        Executors.newSingleThreadScheduledExecutor(
                                r -> {
                                    Thread t = new Thread(r, "pulse-streams-metrics");
                                    t.setDaemon(true);
                                    return t;
                                }),
                        Duration.ofSeconds(5));
        metrics.bindTo(registry);
        PulseStreams pulse = new PulseStreams(streams, metrics);
        streams.setStateListener(
                (now, before) -> {
                    pulse.state.set(now);
                    LOG.info("Kafka Streams {} -> {}", before, now);
                });
        streams.setGlobalStateRestoreListener(pulse.restores);
        streams.setUncaughtExceptionHandler(
                e -> {
                    LOG.error("Stream thread failed; replacing it", e);
                    return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse
                            .REPLACE_THREAD;
                });
        streams.start();
        return pulse;
    }

    /**
     * The application's whole topology, as {@link #start} runs it: the health pipeline, then what
     * {@code extension} adds to the same builder. docs/topology.txt describes it.
     */
    public static Topology topology(
            StreamsSettings settings,
            PipelineListener listener,
            Consumer<StreamsBuilder> extension) {
        StreamsBuilder builder = new StreamsBuilder();
        new HealthPipelineTopology(
                        settings.model(), settings.alertRules(), settings.pipeline(), listener)
                .build(builder);
        extension.accept(builder);
        return builder.build();
    }

    public KafkaStreams kafkaStreams() {
        return streams;
    }

    /** Ready to answer queries: all local stores are up to date. */
    public boolean isRunning() {
        return state.get() == KafkaStreams.State.RUNNING;
    }

    /** The state being restored from changelogs now; empty once restored. */
    public RestoreProgress restores() {
        return restores;
    }

    public KafkaStreams.State state() {
        return state.get();
    }

    @Override
    public void close() {
        metrics.close();
        // Leave the group: otherwise a restarted instance waits out the old member's session
        // timeout (45 s) before it gets its tasks back.
        streams.close(
                CloseOptions.groupMembershipOperation(
                                CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
                        .withTimeout(Duration.ofSeconds(30)));
    }
}
