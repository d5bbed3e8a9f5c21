package dev.pulse.app.bench.dashboard;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * A headless Chromium child process on a fresh profile, with DevTools on a port it picks itself.
 *
 * <p>The flags are those this machine kind needs: as root Chromium needs {@code --no-sandbox}, and
 * the network is closed, so everything that would phone home (component updates, sync, background
 * networking, QUIC probes) is off, or it hammers the closed network while we measure.
 */
public final class HeadlessChromium implements AutoCloseable {
    /**
     * What Chromium needs here, shared with the browser tests: as root it needs {@code
     * --no-sandbox}; the network is closed, so background networking (updates, sync, lookups of
     * Google's hosts) is off.
     */
    public static final List<String> FLAGS =
            List.of(
                    "--headless=new",
                    "--no-sandbox",
                    "--disable-gpu",
                    "--disable-dev-shm-usage",
                    "--disable-quic",
                    "--no-first-run",
                    "--disable-background-networking",
                    "--disable-component-update",
                    "--disable-sync");

    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);
    private static final int LAST_LINES = 10;

    private final Process process;
    private final Path profile;
    private final URI devTools;
    private final Thread onExit;
    private final Deque<String> lastLines;

    private HeadlessChromium(Process process, Path profile, URI devTools, Deque<String> lastLines) {
        this.process = process;
        this.lastLines = lastLines;
        this.profile = profile;
        this.devTools = devTools;
        // On Ctrl-C the JVM exits without closing us; a child process would outlive it.
        this.onExit = new Thread(() -> stop(process, profile), "pulse-bench-chromium-stop");
        Runtime.getRuntime().addShutdownHook(onExit);
    }

    static HeadlessChromium start(Path executable) {
        Path profile;
        try {
            profile = Files.createTempDirectory("pulse-bench-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> command = new ArrayList<>();
        command.add(executable.toString());
        command.addAll(FLAGS);
        command.addAll(
                List.of(
                        "--window-size=1280,900",
                        "--remote-debugging-port=0",
                        "--user-data-dir=" + profile,
                        "about:blank"));
        Process process;
        try {
            process =
                    new ProcessBuilder(command)
                            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                            .start();
        } catch (IOException e) {
            deleteTree(profile);
            throw new UncheckedIOException("cannot start " + executable, e);
        }
        CompletableFuture<URI> announced = new CompletableFuture<>();
        Deque<String> lastLines = new ArrayDeque<>();
        Thread reader =
                new Thread(
                        () -> readStderr(process, announced, lastLines),
                        "pulse-bench-chromium-stderr");
        reader.setDaemon(true);
        reader.start();
        try {
            URI devTools = announced.get(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            return new HeadlessChromium(process, profile, devTools, lastLines);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop(process, profile);
            throw new IllegalStateException("interrupted while Chromium started", e);
        } catch (ExecutionException | TimeoutException e) {
            stop(process, profile);
            throw new IllegalStateException(
                    "Chromium did not announce its DevTools address within " + START_TIMEOUT, e);
        }
    }

    /** The browser-wide DevTools WebSocket. */
    URI devTools() {
        return devTools;
    }

    /** Whether the browser still runs, or how it ended and what it last said: for failures. */
    String fate() {
        String said;
        synchronized (lastLines) {
            said = String.join(" | ", lastLines);
        }
        String state =
                process.isAlive()
                        ? "Chromium still runs"
                        : "Chromium exited with code " + process.exitValue();
        return said.isEmpty() ? state : state + "; its last lines on stderr: " + said;
    }

    /**
     * Finds the announcement, then keeps draining (a full stderr pipe would block the browser),
     * keeping the last lines for {@link #fate()}.
     */
    private static void readStderr(
            Process process, CompletableFuture<URI> announced, Deque<String> lastLines) {
        try (BufferedReader lines =
                new BufferedReader(
                        new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                if (!announced.isDone()) {
                    DevToolsAddress.parse(line).ifPresent(announced::complete);
                }
                synchronized (lastLines) {
                    if (lastLines.size() == LAST_LINES) {
                        lastLines.removeFirst();
                    }
                    lastLines.addLast(line);
                }
            }
        } catch (IOException e) {
            // The browser went away; whoever waits learns it below.
        }
        announced.completeExceptionally(
                new IllegalStateException("Chromium exited before announcing DevTools"));
    }

    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(onExit);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or about to: it stops the browser
        }
        stop(process, profile);
    }

    private static void stop(Process process, Path profile) {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        deleteTree(profile);
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // A leftover temporary profile is harmless.
        }
    }
}
