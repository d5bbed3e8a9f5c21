package dev.pulse.app;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.awaitility.core.ConditionTimeoutException;

/**
 * One Pulse instance as a process of its own: the shaded jar's {@code pulse run}, configured by a
 * YAML file as an operator would, on a fixed API port (so its address in Kafka Streams' metadata
 * survives restarts) and a state directory that outlives the process. {@link #kill()} is {@code
 * kill -9}: no shutdown hook, no clean close, the state directory as the crash left it.
 */
final class PulseProcess implements AutoCloseable {
    private static final Path JAR = Path.of("target", "pulse.jar").toAbsolutePath();
    private static final List<String> JIT_FLAGS =
            Arrays.stream(System.getProperty("pulse.test.jit", "").split("\\s+"))
                    .filter(flag -> !flag.isEmpty())
                    .toList();

    /** The repository root: its {@code config/} holds the shipped model, rules and users. */
    private static final Path HOME = Path.of("..").toAbsolutePath().normalize();

    private final String name;
    private final Path config;
    private final Path log;
    private final int port;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    private Process process;
    private int starts;

    /** One of a cluster's instances: three copies of every changelog, one standby. */
    PulseProcess(String name, Path dir, String bootstrapServers, String applicationId)
            throws IOException {
        this(name, dir, bootstrapServers, applicationId, 3, 1);
    }

    PulseProcess(
            String name,
            Path dir,
            String bootstrapServers,
            String applicationId,
            int replicationFactor,
            int standbyReplicas)
            throws IOException {
        this.name = name;
        this.port = freePort();
        Path home = Files.createDirectories(dir.resolve(name));
        this.config = home.resolve("pulse.yaml");
        this.log = home.resolve("pulse.log");
        Files.writeString(
                config,
                String.join(
                        "\n",
                        "kafka:",
                        "  bootstrapServers: \"" + bootstrapServers + "\"",
                        "  properties:",
                        // A killed instance is noticed after this, not after the 45 s default.
                        "    session.timeout.ms: \"10000\"",
                        "    heartbeat.interval.ms: \"2000\"",
                        "streams:",
                        "  applicationId: " + applicationId,
                        "  stateDir: " + home.resolve("state"),
                        "  partitions: 6",
                        "  replicationFactor: " + replicationFactor,
                        "  standbyReplicas: " + standbyReplicas,
                        "  threads: 1",
                        "  rocksDbCacheMb: 32",
                        "api:",
                        "  host: 127.0.0.1",
                        "  port: " + port,
                        "  advertisedHost: 127.0.0.1",
                        "pipeline:",
                        // As TestPulse: tests send what they need and wait.
                        "  grace: P30D",
                        "  caughtUpAfterIdle: PT1S",
                        "auth:",
                        "  jwt:",
                        "    hs256Secret: " + TestTokens.SECRET,
                        "    issuer: " + TestTokens.ISSUER,
                        "    audience: " + TestTokens.AUDIENCE,
                        "  internalToken: " + TestPulse.INTERNAL_TOKEN,
                        // The query loop asks as fast as answers come; a 429 is not a failover.
                        "  rateLimit:",
                        "    requestsPerSecond: 100000",
                        "    burst: 100000",
                        "reports:",
                        "  schedules: false",
                        ""),
                StandardCharsets.UTF_8);
    }

    String name() {
        return name;
    }

    int port() {
        return port;
    }

    /** Starts the process; its output is appended to {@code pulse.log} beside its state. */
    void start() throws IOException {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException(name + " is already running");
        }
        starts++;
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx384m");
        command.add("-XX:+UseSerialGC");
        // The test JVMs' JIT setting (the parent pom's tests.jit), for the same reason.
        command.addAll(JIT_FLAGS);
        command.addAll(List.of("-jar", JAR.toString(), "run", "-c", config.toString()));
        process =
                new ProcessBuilder(command)
                        .directory(HOME.toFile())
                        .redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                        .start();
    }

    /** {@code kill -9}, and waits until the process is gone. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException(name + " survived kill -9 for 30 s");
        }
    }

    /** Waits until {@code /health/ready} answers 200, or fails with the end of the log. */
    void awaitReady(Duration within) {
        try {
            await().atMost(within)
                    .pollInterval(Duration.ofMillis(100))
                    .until(
                            () -> {
                                if (!process.isAlive()) {
                                    throw new AssertionError(
                                            name
                                                    + " exited with "
                                                    + process.exitValue()
                                                    + logTail());
                                }
                                return ready();
                            });
        } catch (ConditionTimeoutException e) {
            throw new AssertionError(name + " not ready within " + within + logTail(), e);
        }
    }

    private boolean ready() throws InterruptedException {
        try {
            HttpResponse<Void> response =
                    http.send(
                            HttpRequest.newBuilder(
                                            URI.create(
                                                    "http://127.0.0.1:" + port + "/health/ready"))
                                    .timeout(Duration.ofSeconds(2))
                                    .build(),
                            HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException notYet) {
            return false;
        }
    }

    /** The tenant's events of the last seven days as the instance answers, or -1 if it does not. */
    long eventsCounted(String tenant) {
        PulseHttp.Response response =
                new PulseHttp(port, TestTokens.admin()).get("/v1/accounts/" + tenant);
        return response.status() == 200
                ? response.json().path("engagement").path("last7d").path("events").asLong()
                : -1;
    }

    /** Everything the process (all its starts) has written to its log. */
    String log() throws IOException {
        return Files.readString(log, StandardCharsets.UTF_8);
    }

    /** The last lines of the process's output, for a failure message. */
    String logTail() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return "\n--- last lines of "
                    + log
                    + " (start "
                    + starts
                    + ") ---\n"
                    + String.join(
                            "\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return " (no log: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                kill();
            }
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
