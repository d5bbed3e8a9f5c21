package dev.pulse.streams.broker;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;

/**
 * A real Kafka cluster of several KRaft nodes (each broker and controller, a static quorum) inside
 * this JVM, replicated as a production cluster is: every topic has three replicas and needs two in
 * sync. For failover tests, where Pulse instances die and the cluster must not.
 */
public final class EmbeddedKafkaCluster implements AutoCloseable {
    private static final String HOST = "127.0.0.1";
    private static final String CONTROLLER = "CONTROLLER";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

    private final List<KafkaRaftServer> nodes;
    private final String bootstrapServers;

    private EmbeddedKafkaCluster(List<KafkaRaftServer> nodes, String bootstrapServers) {
        this.nodes = nodes;
        this.bootstrapServers = bootstrapServers;
    }

    /**
     * Starts {@code size} nodes (3 or more) under {@code dir} and waits until all serve clients.
     */
    public static EmbeddedKafkaCluster start(Path dir, int size) {
        if (size < 3) {
            throw new IllegalArgumentException("a replicated cluster needs 3 nodes, not " + size);
        }
        // The OS may hand a port out twice when it is released in between: keep them distinct.
        Set<Integer> picked = new LinkedHashSet<>();
        while (picked.size() < 2 * size) {
            picked.add(EmbeddedKafkaBroker.freePort());
        }
        int[] ports = picked.stream().mapToInt(Integer::intValue).toArray();
        int[] brokerPorts = Arrays.copyOfRange(ports, 0, size);
        int[] controllerPorts = Arrays.copyOfRange(ports, size, 2 * size);
        String voters =
                IntStream.range(0, size)
                        .mapToObj(i -> (i + 1) + "@" + HOST + ":" + controllerPorts[i])
                        .collect(Collectors.joining(","));
        String clusterId = Uuid.randomUuid().toString();
        List<KafkaRaftServer> nodes = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            Path logDir = dir.toAbsolutePath().resolve("node-" + (i + 1));
            try {
                Files.createDirectories(logDir);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            KraftStorageFormatter.formatIfNeeded(logDir, i + 1, CONTROLLER, clusterId);
            KafkaConfig config =
                    new KafkaConfig(
                            nodeConfig(i + 1, logDir, brokerPorts[i], controllerPorts[i], voters));
            nodes.add(new KafkaRaftServer(config, Time.SYSTEM));
        }
        String bootstrap =
                IntStream.of(brokerPorts)
                        .mapToObj(port -> HOST + ":" + port)
                        .collect(Collectors.joining(","));
        EmbeddedKafkaCluster cluster = new EmbeddedKafkaCluster(nodes, bootstrap);
        try {
            // A node's start-up waits for a controller quorum: all must start at once.
            CompletableFuture.allOf(
                            nodes.stream()
                                    .map(node -> CompletableFuture.runAsync(node::startup))
                                    .toArray(CompletableFuture[]::new))
                    .get(START_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            cluster.awaitNodes(size);
        } catch (Exception e) {
            cluster.close();
            throw new IllegalStateException(
                    "a " + size + "-node Kafka cluster did not start within " + START_TIMEOUT, e);
        }
        return cluster;
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    /**
     * Stops every node at once: one by one, the last would wait minutes for a controller quorum
     * that has already gone.
     */
    @Override
    public void close() {
        CompletableFuture.allOf(
                        nodes.stream()
                                .map(
                                        node ->
                                                CompletableFuture.runAsync(
                                                        () -> {
                                                            node.shutdown();
                                                            node.awaitShutdown();
                                                        }))
                                .toArray(CompletableFuture[]::new))
                .join();
    }

    private void awaitNodes(int size) throws Exception {
        try (Admin admin =
                Admin.create(
                        Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            await("every node registered")
                    .atMost(START_TIMEOUT)
                    .pollInterval(Duration.ofMillis(100))
                    .until(
                            () ->
                                    admin.describeCluster().nodes().get(30, TimeUnit.SECONDS).size()
                                            >= size);
        }
    }

    private static Map<String, String> nodeConfig(
            int nodeId, Path logDir, int brokerPort, int controllerPort, String voters) {
        Map<String, String> config =
                EmbeddedKafkaBroker.nodeConfig(nodeId, voters, logDir, brokerPort, controllerPort);
        config.put("server.max.startup.time.ms", String.valueOf(START_TIMEOUT.toMillis()));
        // Replicated as in production: three copies, two in sync before a write counts.
        EmbeddedKafkaBroker.replicate(config, 3, 2);
        config.put("offsets.topic.num.partitions", "3");
        config.put("transaction.state.log.num.partitions", "3");
        config.put("num.partitions", "1");
        // Nothing to hand over at the end of a test: stop without asking the controllers.
        config.put("controlled.shutdown.enable", "false");
        config.put("auto.create.topics.enable", "false");
        config.put("group.initial.rebalance.delay.ms", "0");
        // Small: three nodes share one test JVM.
        config.put("log.segment.bytes", String.valueOf(16 * 1024 * 1024));
        config.put("log.cleaner.dedupe.buffer.size", String.valueOf(4 * 1024 * 1024));
        config.put("num.network.threads", "1");
        config.put("num.io.threads", "2");
        config.put("num.replica.fetchers", "1");
        return config;
    }
}
