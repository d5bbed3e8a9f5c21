package dev.pulse.streams.broker;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.Feature;
import org.apache.kafka.server.common.MetadataVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Formats a KRaft log directory once (what {@code kafka-storage.sh format} does) and reads the
 * cluster id back on later starts.
 *
 * <p>The quorum is static ({@code controller.quorum.voters}, kraft.version 0): the controller
 * endpoint is then read from the configuration at every start instead of being written into the
 * metadata log, so a restart may use different ports.
 */
final class KraftStorageFormatter {

    private static final Logger LOG = LoggerFactory.getLogger(KraftStorageFormatter.class);
    private static final String META_PROPERTIES = "meta.properties";

    private KraftStorageFormatter() {}

    /** A directory is formatted once it holds {@code meta.properties}. */
    static boolean isFormatted(Path logDir) {
        return Files.isRegularFile(logDir.resolve(META_PROPERTIES));
    }

    /**
     * Formats {@code logDir} (used as both data and metadata log directory) unless it already is,
     * and returns the cluster id it belongs to.
     */
    static String formatIfNeeded(Path logDir, int nodeId, String controllerListenerName) {
        return formatIfNeeded(logDir, nodeId, controllerListenerName, Uuid.randomUuid().toString());
    }

    /**
     * As {@link #formatIfNeeded(Path, int, String)}, into cluster {@code newClusterId} when new:
     * every node of a cluster is formatted with the same id.
     */
    static String formatIfNeeded(
            Path logDir, int nodeId, String controllerListenerName, String newClusterId) {
        if (isFormatted(logDir)) {
            return readClusterId(logDir);
        }
        String clusterId = newClusterId;
        String dir = logDir.toAbsolutePath().toString();
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        try (PrintStream printStream = new PrintStream(output, true, StandardCharsets.UTF_8)) {
            new Formatter()
                    .setPrintStream(printStream)
                    .setNodeId(nodeId)
                    .setClusterId(clusterId)
                    .setDirectories(List.of(dir))
                    .setMetadataLogDirectory(dir)
                    .setControllerListenerName(controllerListenerName)
                    .setReleaseVersion(MetadataVersion.latestProduction())
                    .setSupportedFeatures(Feature.PRODUCTION_FEATURES)
                    // Transactions v2 rejects a producer's first batch to a partition unless it
                    // starts at sequence 0 (KAFKA-18202, retriable). Kafka Streams' EOS producer
                    // hits that constantly under load on one node: an endless stream of broker
                    // ERROR logs and client retries. v1 keeps exactly-once without that churn.
                    .setFeatureLevel("transaction.version", (short) 1)
                    .run();
        } catch (Exception e) {
            throw new IllegalStateException("Could not format KRaft log directory " + dir, e);
        }
        LOG.debug("Formatted {}: {}", dir, output.toString(StandardCharsets.UTF_8).strip());
        return clusterId;
    }

    private static String readClusterId(Path logDir) {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(logDir.resolve(META_PROPERTIES))) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + logDir.resolve(META_PROPERTIES), e);
        }
        String clusterId = properties.getProperty("cluster.id");
        if (clusterId == null || clusterId.isBlank()) {
            throw new IllegalStateException("No cluster.id in " + logDir.resolve(META_PROPERTIES));
        }
        return clusterId;
    }
}
