package dev.pulse.app.ops;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Debian's {@code promtool} ({@code .ci/run} installs the {@code prometheus} package when it is
 * missing). Absent, tests fail with how to install it rather than skip: a skipped check is a check
 * CI never runs.
 */
public final class Promtool {
    static final Path BINARY = Path.of("/usr/bin/promtool");

    /** What promtool printed and how it exited. */
    public record Result(int exitCode, String output) {
        public boolean ok() {
            return exitCode == 0;
        }
    }

    private Promtool() {}

    /** {@code promtool check rules <files>}. */
    public static Result checkRules(List<Path> files) {
        List<String> command = new ArrayList<>(List.of(binary(), "check", "rules"));
        files.forEach(f -> command.add(f.toString()));
        return run(command, null);
    }

    /** {@code promtool check metrics}, the scrape on stdin (it lints HELP, units and names). */
    public static Result checkMetrics(String scrape) {
        return run(List.of(binary(), "check", "metrics"), scrape);
    }

    private static String binary() {
        if (!Files.isExecutable(BINARY)) {
            throw new IllegalStateException(
                    "The Prometheus asset tests need promtool ("
                            + BINARY
                            + "): apt-get install -y prometheus (.ci/run does)");
        }
        return BINARY.toString();
    }

    private static Result run(List<String> command, String stdin) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            if (stdin != null) {
                try (var in = process.getOutputStream()) {
                    in.write(stdin.getBytes(StandardCharsets.UTF_8));
                }
            } else {
                process.getOutputStream().close();
            }
            String output =
                    new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("promtool did not finish: " + command);
            }
            return new Result(process.exitValue(), output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
