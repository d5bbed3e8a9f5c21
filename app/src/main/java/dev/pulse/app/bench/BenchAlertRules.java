package dev.pulse.app.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The shipped alert rules with one change: the renewal rule fires on its first evaluation instead
 * of after an hour, so the alert-latency phase measures the machinery (scoring, evaluation, topics,
 * notifier, feed), not a rule's deliberate wait.
 */
final class BenchAlertRules {
    private static final String SHIPPED_WAIT =
            "for: PT1H               # cannot be dated; slow-moving";
    private static final String NO_WAIT =
            "for: PT0S               # bench: fire at once; slow-moving";

    private BenchAlertRules() {}

    static Path write(Path dir) {
        try (InputStream in =
                BenchAlertRules.class.getResourceAsStream("/config/alert-rules.yaml")) {
            if (in == null) {
                throw new IllegalStateException("alert-rules.yaml is missing from the jar");
            }
            String rules = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            if (!rules.contains(SHIPPED_WAIT)) {
                throw new IllegalStateException(
                        "the shipped renewal rule changed; update BenchAlertRules to match");
            }
            Path file = dir.resolve("bench-alert-rules.yaml");
            Files.writeString(file, rules.replace(SHIPPED_WAIT, NO_WAIT));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
