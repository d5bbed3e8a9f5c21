package dev.pulse.warehouse.testing;

import dev.pulse.warehouse.WarehouseSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * JUnit extension: a throwaway PostgreSQL cluster of its own, on a free port, that accepts only
 * {@code scram-sha-256} password logins (PostgreSQL's default since 14), as a company's warehouse
 * would. The machine's shared server trusts every local login, so it cannot show that Pulse
 * authenticates. Built with the installed server's own {@code initdb} and {@code pg_ctl}; run as
 * the {@code postgres} user when the tests run as root (PostgreSQL refuses root).
 *
 * <p>Register it as a static field: {@code @RegisterExtension static final ScramPostgres pg = new
 * ScramPostgres();}. One cluster serves the whole class.
 */
public final class ScramPostgres implements BeforeAllCallback, AfterAllCallback {
    /** The superuser {@code postgres}'s password. */
    public static final String PASSWORD = "pulse-scram-Secret-1";

    private static final Path INSTALLED = Path.of("/usr/lib/postgresql");
    private static final Duration COMMAND_DEADLINE = Duration.ofSeconds(60);

    private Path dir;
    private Path bin;
    private int port;

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        bin = newestServer();
        dir = Files.createTempDirectory("pulse-scram-postgres-");
        Path passwordFile = dir.resolve("password");
        Files.writeString(passwordFile, PASSWORD, StandardCharsets.UTF_8);
        if (runningAsRoot()) {
            UserPrincipal postgres =
                    dir.getFileSystem()
                            .getUserPrincipalLookupService()
                            .lookupPrincipalByName("postgres");
            Files.setOwner(dir, postgres);
            Files.setOwner(passwordFile, postgres);
        }
        run(
                bin.resolve("initdb").toString(),
                "--pgdata=" + data(),
                "--username=postgres",
                "--auth=scram-sha-256",
                "--pwfile=" + passwordFile,
                "--no-sync");
        port = freePort();
        run(
                bin.resolve("pg_ctl").toString(),
                "--pgdata=" + data(),
                "--log=" + dir.resolve("server.log"),
                "--wait",
                "--timeout=" + COMMAND_DEADLINE.toSeconds(),
                "--options=-p "
                        + port
                        + " -k "
                        + dir
                        + " -c listen_addresses=127.0.0.1 -c fsync=off",
                "start");
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        if (dir == null) {
            return; // beforeAll failed before it made anything; its error says why
        }
        try {
            run(bin.resolve("pg_ctl").toString(), "--pgdata=" + data(), "-m", "immediate", "stop");
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /**
     * Pulse's settings for this cluster's {@code postgres} database, logging in with {@code
     * password}.
     */
    public WarehouseSettings settings(String password) {
        WarehouseSettings local =
                WarehouseSettings.of(
                        "postgresql://postgres@" + LocalPostgres.HOST + ":" + port + "/postgres",
                        "pulse");
        return new WarehouseSettings(
                local.url(),
                "",
                password,
                local.schema(),
                local.sslMode(),
                local.sslRootCert(),
                local.poolSize(),
                local.retryInitial(),
                local.retryMax(),
                local.sink(),
                local.events(),
                local.directory());
    }

    private Path data() {
        return dir.resolve("data");
    }

    private static Path newestServer() throws IOException {
        if (!Files.isDirectory(INSTALLED)) {
            throw new IllegalStateException(
                    "no PostgreSQL server under "
                            + INSTALLED
                            + ": this test starts a cluster of its own with the installed initdb"
                            + " (apt-get install postgresql)");
        }
        try (Stream<Path> versions = Files.list(INSTALLED)) {
            return versions.map(version -> version.resolve("bin"))
                    .filter(b -> Files.isExecutable(b.resolve("initdb")))
                    .max(
                            Comparator.comparing(
                                    b -> Integer.parseInt(b.getParent().getFileName().toString())))
                    .orElseThrow(
                            () ->
                                    new IllegalStateException(
                                            "no initdb under " + INSTALLED + "/<version>/bin"));
        }
    }

    private static boolean runningAsRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Runs a server command, as {@code postgres} when we are root; fails with its output. */
    private void run(String... command) {
        List<String> line = new ArrayList<>();
        if (runningAsRoot()) {
            line.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        line.addAll(List.of(command));
        Path output = dir.resolve("command.out");
        try {
            Process process =
                    new ProcessBuilder(line)
                            .redirectErrorStream(true)
                            .redirectOutput(output.toFile())
                            .start();
            if (!process.waitFor(COMMAND_DEADLINE.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(
                        String.join(" ", line) + " did not finish in " + COMMAND_DEADLINE);
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException(
                        String.join(" ", line)
                                + " failed ("
                                + process.exitValue()
                                + "): "
                                + Files.readString(output));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted: " + String.join(" ", line), e);
        }
    }
}
