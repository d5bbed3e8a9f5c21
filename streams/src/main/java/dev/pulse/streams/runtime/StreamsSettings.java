package dev.pulse.streams.runtime;

import dev.pulse.streams.connection.KafkaConnection;
import dev.pulse.topologies.alert.AlertRules;
import dev.pulse.topologies.funnel.FunnelDefinitions;
import dev.pulse.topologies.health.HealthModel;
import dev.pulse.topologies.journey.JourneyModel;
import dev.pulse.topologies.pipeline.PipelineSettings;
import io.soabase.recordbuilder.core.RecordBuilder;
import java.nio.file.Path;
import java.util.Objects;

/**
 * How this instance runs the topologies. The {@code withAdvertisedPort(…)} … copies come from the
 * generated {@code StreamsSettingsBuilder}.
 *
 * @param kafka the cluster, its client settings and how topics are created there (replication)
 * @param applicationId Kafka Streams application id: instances with the same id share the work
 * @param stateDir durable directory of the RocksDB stores; a temp dir means full restores
 * @param advertisedHost host:port other instances use to reach this instance's API, for reads of
 *     tenants this instance owns
 * @param partitions partitions of the usage-events topic when Pulse creates it
 * @param standbyReplicas warm copies of each store on other instances
 * @param threads stream threads of this instance
 * @param rocksDbCacheBytes one block cache and write-buffer budget shared by every store
 * @param alertRules the alert rules the pipeline evaluates
 * @param journey the journey stages the pipeline moves tenants through
 * @param funnels the product adoption funnels the pipeline counts ({@code FunnelDefinitions.NONE}:
 *     the funnel stores stay empty)
 */
@RecordBuilder
public record StreamsSettings(
        KafkaConnection kafka,
        String applicationId,
        Path stateDir,
        String advertisedHost,
        int advertisedPort,
        int partitions,
        int standbyReplicas,
        int threads,
        long rocksDbCacheBytes,
        HealthModel model,
        AlertRules alertRules,
        JourneyModel journey,
        PipelineSettings pipeline,
        FunnelDefinitions funnels)
        implements StreamsSettingsBuilder.With {

    public StreamsSettings {
        Objects.requireNonNull(kafka, "kafka");
        Objects.requireNonNull(applicationId, "applicationId");
        Objects.requireNonNull(stateDir, "stateDir");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(alertRules, "alertRules");
        Objects.requireNonNull(journey, "journey");
        Objects.requireNonNull(pipeline, "pipeline");
        Objects.requireNonNull(funnels, "funnels");
        if (partitions < 1 || threads < 1 || standbyReplicas < 0) {
            throw new IllegalArgumentException(
                    "partitions and threads must be at least 1, standby replicas at least 0");
        }
    }
}
