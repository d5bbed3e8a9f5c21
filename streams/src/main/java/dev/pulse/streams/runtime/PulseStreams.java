package dev.pulse.streams.runtime;

import dev.pulse.streams.connection.KafkaAccessException;
import dev.pulse.streams.metrics.MicrometerPipelineListener;
import dev.pulse.streams.metrics.StateGauges;
import dev.pulse.topologies.health.HealthScore;
import dev.pulse.topologies.pipeline.HealthPipelineTopology;
import dev.pulse.topologies.pipeline.PipelineListener;
import dev.pulse.topologies.state.ActiveCopies;
import dev.pulse.topologies.topic.PulseTopics;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.apache.kafka.streams.state.HostInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the health pipeline on Kafka Streams: creates missing topics, starts, reports whether it can
 * serve reads ({@link #isServing}) and what is still restoring ({@link RestoreProgress}), exposes
 * Kafka Streams metrics, and closes cleanly so local state is checkpointed and a restart does not
 * restore from the changelogs.
 */
public final class PulseStreams implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PulseStreams.class);

    /** How often accounts per band and firing alerts are counted (a scan of two stores). */
    private static final Duration STATE_GAUGE_INTERVAL = Duration.ofSeconds(15);

    private static final String EVENTS = PulseTopics.USAGE_EVENTS.name();

    private final KafkaStreams streams;
    private final int partitions;
    private final HostInfo self;
    private final UncleanStop uncleanStop;
    private final KafkaStreamsMetrics metrics;
    private final StateGauges gauges;
    private final ActiveCopies<HealthScore> currentScores;
    private final RestoreProgress restores = new RestoreProgress();
    private final AtomicReference<KafkaStreams.State> state =
            new AtomicReference<>(KafkaStreams.State.CREATED);
    private final AtomicBoolean wasRunning = new AtomicBoolean();

    private PulseStreams(
            KafkaStreams streams,
            StreamsSettings settings,
            KafkaStreamsMetrics metrics,
            StateGauges gauges,
            ActiveCopies<HealthScore> currentScores) {
        this.streams = streams;
        this.currentScores = currentScores;
        this.partitions = settings.partitions();
        this.self = new HostInfo(settings.advertisedHost(), settings.advertisedPort());
        this.uncleanStop = UncleanStop.in(settings.stateDir(), settings.applicationId());
        this.metrics = metrics;
        this.gauges = gauges;
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
        MicrometerPipelineListener listener =
                new MicrometerPipelineListener(registry, settings.alertRules().rules());
        ActiveCopies<HealthScore> currentScores = new ActiveCopies<>();
        Topology topology = topology(settings, listener, extension, currentScores);
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
        // The binder replaces any meter whose tags look fewer than its own. Bound through a
        // composite it compares its own ids, not the target's after the target's filters (the
        // launcher drops kafka.version), so it does not remove and re-add meters on each refresh.
        CompositeMeterRegistry kafkaMeters = new CompositeMeterRegistry(registry.config().clock());
        kafkaMeters.add(registry);
        metrics.bindTo(kafkaMeters);
        // Counts only while RUNNING, so it may start before the streams do.
        StateGauges gauges = StateGauges.start(streams, registry, STATE_GAUGE_INTERVAL);
        PulseStreams pulse = new PulseStreams(streams, settings, metrics, gauges, currentScores);
        streams.setStateListener(
                (now, before) -> {
                    pulse.state.set(now);
                    if (now == KafkaStreams.State.RUNNING) {
                        pulse.wasRunning.set(true);
                    }
                    LOG.info("Kafka Streams {} -> {}", before, now);
                });
        streams.setGlobalStateRestoreListener(pulse.restores);
        streams.setUncaughtExceptionHandler(PulseStreams::onStreamThreadFailure);
        pulse.wipeStateAfterAnUncleanStop();
        pulse.uncleanStop.running();
        streams.start();
        return pulse;
    }

    /**
     * Exactly-once Kafka Streams would wipe this state anyway when it opens the stores; wiped
     * before the start, the group does not hand this instance tasks it must then restore from
     * scratch while it owns them ({@link UncleanStop}).
     */
    private void wipeStateAfterAnUncleanStop() {
        if (!uncleanStop.lastRunStoppedUncleanly()) {
            return;
        }
        LOG.warn(
                "The last run on this state directory did not stop cleanly ({} is left):"
                        + " exactly-once Kafka Streams cannot trust its stores, so they are wiped"
                        + " now and restored from the changelogs while other instances serve",
                uncleanStop.marker());
        try {
            streams.cleanUp();
        } catch (RuntimeException e) {
            LOG.warn("Could not wipe the state directory; Kafka Streams will when it opens it", e);
        }
    }

    /**
     * The application's whole topology, as {@link #start} runs it: the health pipeline, then what
     * {@code extension} adds to the same builder. docs/topology.txt describes it.
     */
    public static Topology topology(
            StreamsSettings settings,
            PipelineListener listener,
            Consumer<StreamsBuilder> extension) {
        return topology(settings, listener, extension, new ActiveCopies<>());
    }

    private static Topology topology(
            StreamsSettings settings,
            PipelineListener listener,
            Consumer<StreamsBuilder> extension,
            ActiveCopies<HealthScore> currentScores) {
        StreamsBuilder builder = new StreamsBuilder();
        new HealthPipelineTopology(
                        settings.model(),
                        settings.alertRules(),
                        settings.journey(),
                        settings.pipeline(),
                        listener,
                        settings.funnels(),
                        currentScores)
                .build(builder);
        extension.accept(builder);
        return builder.build();
    }

    /**
     * A thread that failed for a passing reason is replaced; refused credentials or permissions do
     * not pass, so the client stops (readiness then says so) instead of failing in a loop.
     */
    private static StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse
            onStreamThreadFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (KafkaAccessException.isAccessFailure(t)) {
                LOG.error(
                        "Kafka refused Pulse's stream thread access; stopping Kafka Streams: {}",
                        KafkaAccessException.of("processing", t).getMessage(),
                        e);
                return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse
                        .SHUTDOWN_CLIENT;
            }
        }
        LOG.error("Stream thread failed; replacing it", e);
        return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD;
    }

    /** The current scores of the active tasks on this instance, as the scoring keeps them. */
    public ActiveCopies<HealthScore> currentScores() {
        return currentScores;
    }

    public KafkaStreams kafkaStreams() {
        return streams;
    }

    /** All local stores are up to date and no rebalance is under way. */
    public boolean isRunning() {
        return state.get() == KafkaStreams.State.RUNNING;
    }

    /**
     * Can answer reads: RUNNING, or rebalancing with an assignment that names an owner for every
     * tenant, once this instance has been RUNNING or while it owns none of them itself. A rebalance
     * (a member joining, leaving or dying) then does not stop reads: each is routed to its owner as
     * last assigned and, where that owner cannot answer, to a copy marked stale. So a restarted
     * instance whose tenants stay with the others serves as soon as it has joined, while its own
     * copies still restore; an instance that must restore tenants it owns is not ready until they
     * are.
     */
    public boolean isServing() {
        KafkaStreams.State now = state.get();
        if (now == KafkaStreams.State.RUNNING) {
            return true;
        }
        if (now != KafkaStreams.State.REBALANCING) {
            return false;
        }
        try {
            return everyTenantHasAnOwner() && (wasRunning.get() || !ownsTenants());
        } catch (IllegalStateException leftRebalancing) {
            // Metadata is only given while running or rebalancing; asked again next time.
            return false;
        }
    }

    private boolean everyTenantHasAnOwner() {
        Set<Integer> owned = new HashSet<>();
        for (StreamsMetadata client : streams.metadataForAllStreamsClients()) {
            owned.addAll(eventPartitions(client));
        }
        return owned.size() >= partitions;
    }

    /** Per the last assignment (thread metadata is only updated once RUNNING). */
    private boolean ownsTenants() {
        for (StreamsMetadata client : streams.metadataForAllStreamsClients()) {
            if (client.hostInfo().equals(self) && !eventPartitions(client).isEmpty()) {
                return true;
            }
        }
        return false;
    }

    private static Set<Integer> eventPartitions(StreamsMetadata client) {
        Set<Integer> events = new HashSet<>();
        for (TopicPartition partition : client.topicPartitions()) {
            if (partition.topic().equals(EVENTS)) {
                events.add(partition.partition());
            }
        }
        return events;
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
        gauges.close();
        metrics.close();
        // Leave the group: otherwise a restarted instance waits out the old member's session
        // timeout (45 s) before it gets its tasks back.
        boolean closed =
                streams.close(
                        CloseOptions.groupMembershipOperation(
                                        CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
                                .withTimeout(Duration.ofSeconds(30)));
        if (closed && streams.state() == KafkaStreams.State.NOT_RUNNING) {
            uncleanStop.stoppedCleanly();
        }
    }
}
