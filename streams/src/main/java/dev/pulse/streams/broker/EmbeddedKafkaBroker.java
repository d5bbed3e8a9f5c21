package dev.pulse.streams.broker;

import dev.pulse.streams.runtime.KafkaTopics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntSupplier;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node Kafka cluster (one KRaft process acting as broker and controller) running
 * inside this JVM, configured for Kafka Streams {@code exactly_once_v2}.
 *
 * <p>Data lives under {@code dataDir}: the first start formats it, later starts reuse it (and its
 * cluster id) and keep every record. Ports are chosen afresh at each start and bound to 127.0.0.1
 * only, so always ask {@link #bootstrapServers()}.
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafkaBroker.class);

    private static final int NODE_ID = 1;
    private static final int PORT_ATTEMPTS = 3;
    private static final int DISTINCT_PORT_ATTEMPTS = 20;
    private static final String HOST = "127.0.0.1";
    private static final String CONTROLLER_LISTENER = "CONTROLLER";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration TOPIC_TIMEOUT = Duration.ofSeconds(30);

    private final KafkaRaftServer server;
    private final Path dataDir;
    private final String bootstrapServers;
    private final String saslBootstrapServers;
    private final String clusterId;
    private final AtomicBoolean closed = new AtomicBoolean();

    private EmbeddedKafkaBroker(
            KafkaRaftServer server,
            Path dataDir,
            String bootstrapServers,
            String saslBootstrapServers,
            String clusterId) {
        this.server = server;
        this.dataDir = dataDir;
        this.bootstrapServers = bootstrapServers;
        this.saslBootstrapServers = saslBootstrapServers;
        this.clusterId = clusterId;
    }

    /**
     * Starts a broker on {@code dataDir} (created and formatted if new) and returns once it answers
     * client requests.
     *
     * @param port the client port on 127.0.0.1, or 0 to pick a free one
     * @throws IllegalStateException if the broker does not become ready within 60 s
     */
    public static EmbeddedKafkaBroker start(Path dataDir, int port) {
        return start(dataDir, port, Map.of());
    }

    /**
     * As {@link #start(Path, int)}, plus a second client listener that admits only the given users,
     * authenticated with SASL/PLAIN: a secured cluster to run Pulse against ({@link
     * #saslBootstrapServers()}). The first listener stays open, for the broker itself.
     *
     * @param saslUsers user name to password; empty: no SASL listener
     */
    public static EmbeddedKafkaBroker start(Path dataDir, int port, Map<String, String> saslUsers) {
        return start(dataDir, port, saslUsers, EmbeddedKafkaBroker::freePort);
    }

    /**
     * As above, with the ports it picks from {@code freePorts}. A port found free can be taken by
     * another process (a parallel test fork) before the broker binds it: then it tries new ones.
     */
    static EmbeddedKafkaBroker start(
            Path dataDir, int port, Map<String, String> saslUsers, IntSupplier freePorts) {
        for (int attempt = 1; ; attempt++) {
            try {
                return startOnce(dataDir, port, saslUsers, freePorts);
            } catch (RuntimeException e) {
                if (attempt == PORT_ATTEMPTS || !portTaken(e)) {
                    throw e;
                }
                LOG.warn("A port picked for the broker was taken meanwhile; picking new ones", e);
            }
        }
    }

    private static boolean portTaken(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof BindException) {
                return true;
            }
        }
        return false;
    }

    private static EmbeddedKafkaBroker startOnce(
            Path dataDir, int port, Map<String, String> saslUsers, IntSupplier freePorts) {
        long startNanos = System.nanoTime();
        Path logDir = dataDir.toAbsolutePath().resolve("kraft-logs");
        try {
            Files.createDirectories(logDir);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create " + logDir, e);
        }
        boolean fresh = !KraftStorageFormatter.isFormatted(logDir);
        String clusterId =
                KraftStorageFormatter.formatIfNeeded(logDir, NODE_ID, CONTROLLER_LISTENER);

        // A port just released (the client port of a broker this one replaces) can be handed out
        // again at once, so each pick must differ from the ones already taken.
        Set<Integer> taken = new HashSet<>();
        int brokerPort = port == 0 ? distinctPort(freePorts, taken) : port;
        taken.add(brokerPort);
        int controllerPort = distinctPort(freePorts, taken);
        String bootstrap = HOST + ":" + brokerPort;
        Map<String, String> brokerConfig = brokerConfig(logDir, brokerPort, controllerPort);
        String saslBootstrap = null;
        if (!saslUsers.isEmpty()) {
            int saslPort = distinctPort(freePorts, taken);
            saslBootstrap = HOST + ":" + saslPort;
            SaslListener.addTo(brokerConfig, HOST, saslPort, saslUsers);
        }
        KafkaConfig config = new KafkaConfig(brokerConfig);
        KafkaRaftServer server = new KafkaRaftServer(config, Time.SYSTEM);
        EmbeddedKafkaBroker broker =
                new EmbeddedKafkaBroker(server, dataDir, bootstrap, saslBootstrap, clusterId);
        try {
            server.startup();
            awaitReady(bootstrap, startNanos);
        } catch (RuntimeException e) {
            broker.close();
            throw e;
        }
        LOG.info(
                "Embedded Kafka broker ready at {} in {} ms ({} data dir {}, cluster id {})",
                bootstrap,
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos),
                fresh ? "new" : "existing",
                dataDir,
                clusterId);
        return broker;
    }

    /** The {@code bootstrap.servers} value for clients, e.g. {@code 127.0.0.1:9092}. */
    public String bootstrapServers() {
        return bootstrapServers;
    }

    /**
     * The SASL/PLAIN listener's {@code bootstrap.servers}.
     *
     * @throws IllegalStateException when the broker was started without SASL users
     */
    public String saslBootstrapServers() {
        if (saslBootstrapServers == null) {
            throw new IllegalStateException("this broker has no SASL listener");
        }
        return saslBootstrapServers;
    }

    public Path dataDir() {
        return dataDir;
    }

    /** The cluster id written when {@link #dataDir()} was first formatted. */
    public String clusterId() {
        return clusterId;
    }

    /**
     * Creates the topics that do not exist yet (existing ones are left as they are) and waits until
     * every partition of every given topic has a leader.
     */
    public void createTopics(Collection<NewTopic> topics) {
        KafkaTopics.ensure(bootstrapServers, topics, TOPIC_TIMEOUT);
    }

    /** Shuts the broker down and waits until it has stopped. Idempotent. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            server.shutdown();
            server.awaitShutdown();
        }
    }

    private static Map<String, String> brokerConfig(
            Path logDir, int brokerPort, int controllerPort) {
        Map<String, String> config =
                nodeConfig(
                        NODE_ID,
                        NODE_ID + "@" + HOST + ":" + controllerPort,
                        logDir,
                        brokerPort,
                        controllerPort);
        // Bounds startup() itself: catching up on metadata and getting unfenced.
        config.put("server.max.startup.time.ms", String.valueOf(START_TIMEOUT.toMillis()));

        // One node: every internal topic has a single replica (needed for exactly_once_v2).
        replicate(config, 1, 1);
        config.put("offsets.topic.num.partitions", "1");
        config.put("transaction.state.log.num.partitions", "1");
        config.put("num.partitions", "1");
        config.put("auto.create.topics.enable", "false");
        config.put("group.initial.rebalance.delay.ms", "0");

        // Sized for a laptop demo rather than a production broker.
        config.put("log.segment.bytes", String.valueOf(64 * 1024 * 1024));
        config.put("log.cleaner.dedupe.buffer.size", String.valueOf(16 * 1024 * 1024));
        config.put("num.network.threads", "2");
        config.put("num.io.threads", "4");
        return config;
    }

    /**
     * Every topic, Kafka's internal ones (offsets, transactions, share state) included, with {@code
     * replicas} copies of which {@code minInSync} must have a write before it counts.
     */
    public static void replicate(Map<String, String> config, int replicas, int minInSync) {
        String factor = String.valueOf(replicas);
        String isr = String.valueOf(minInSync);
        config.put("default.replication.factor", factor);
        config.put("min.insync.replicas", isr);
        config.put("offsets.topic.replication.factor", factor);
        config.put("transaction.state.log.replication.factor", factor);
        config.put("transaction.state.log.min.isr", isr);
        config.put("share.coordinator.state.topic.replication.factor", factor);
        config.put("share.coordinator.state.topic.min.isr", isr);
    }

    /**
     * One KRaft node, broker and controller, of the static quorum {@code voters}: its listeners on
     * 127.0.0.1 and its log directory. Values as strings, as in server.properties.
     */
    static Map<String, String> nodeConfig(
            int nodeId, String voters, Path logDir, int brokerPort, int controllerPort) {
        Map<String, String> config = new HashMap<>();
        config.put("process.roles", "broker,controller");
        config.put("node.id", String.valueOf(nodeId));
        config.put("controller.quorum.voters", voters);
        config.put("controller.listener.names", CONTROLLER_LISTENER);
        config.put(
                "listeners",
                "PLAINTEXT://"
                        + HOST
                        + ":"
                        + brokerPort
                        + ","
                        + CONTROLLER_LISTENER
                        + "://"
                        + HOST
                        + ":"
                        + controllerPort);
        config.put("advertised.listeners", "PLAINTEXT://" + HOST + ":" + brokerPort);
        config.put("inter.broker.listener.name", "PLAINTEXT");
        config.put(
                "listener.security.protocol.map",
                "PLAINTEXT:PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
        config.put("log.dirs", logDir.toString());
        config.put("metadata.log.dir", logDir.toString());
        return config;
    }

    private static Map<String, Object> adminConfig(String bootstrap, Duration timeout) {
        int timeoutMs = (int) timeout.toMillis();
        return Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, Math.min(timeoutMs, 10_000),
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, timeoutMs);
    }

    private static void awaitReady(String bootstrap, long startNanos) {
        long deadline = startNanos + START_TIMEOUT.toNanos();
        Duration remaining = Duration.ofNanos(Math.max(1, deadline - System.nanoTime()));
        try (Admin admin = Admin.create(adminConfig(bootstrap, remaining))) {
            admin.describeCluster().nodes().get(remainingMillis(deadline), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException(
                    "Embedded Kafka broker at "
                            + bootstrap
                            + " did not accept client requests within "
                            + START_TIMEOUT,
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the broker", e);
        }
    }

    private static long remainingMillis(long deadlineNanos) {
        return Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadlineNanos - System.nanoTime()));
    }

    private static int distinctPort(IntSupplier freePorts, Set<Integer> taken) {
        for (int attempt = 0; attempt < DISTINCT_PORT_ATTEMPTS; attempt++) {
            int candidate = freePorts.getAsInt();
            if (taken.add(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException(
                "Could not pick a port other than "
                        + taken
                        + " on "
                        + HOST
                        + " in "
                        + DISTINCT_PORT_ATTEMPTS
                        + " tries");
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getByName(HOST), 0));
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not find a free port on " + HOST, e);
        }
    }
}
