package dev.pulse.app;

import dev.pulse.app.config.PulseConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Usage histories and alert rules that end-to-end tests of alerts and their delivery share. */
final class E2eScenarios {
    /** Weekly usage down by at least 40 % against the same weekdays of the prior four weeks. */
    static final String USAGE_DROP_RULE =
            "  - id: usage-drop\n"
                    + "    kind: usage_drop\n"
                    + "    severity: warning\n"
                    + "    for: 0\n"
                    + "    dropPercent: 40\n"
                    + "    minBaselineEventsPerWeek: 200\n"
                    + "    baselineWeeks: 4\n";

    /**
     * No activity for seven days. The shipped rule waits 30 minutes ('for') from first sight unless
     * the data is caught up, and a test whose only events are days old never looks caught up (it
     * could as well be a backlog still queued): tests of the lifecycle fire at once.
     */
    static final String SILENCE_RULE =
            "  - id: gone-silent\n"
                    + "    kind: silence\n"
                    + "    severity: critical\n"
                    + "    for: 0\n"
                    + "    days: 7\n";

    /**
     * The health model's at-risk decision, firing the day it is made: the decision already waits
     * for the decline to persist.
     */
    static final String AT_RISK_RULE =
            "  - id: at-risk\n"
                    + "    kind: at_risk\n"
                    + "    severity: critical\n"
                    + "    for: 0\n";

    /** The usage history of {@link #usageDrop} reaches five weeks back. */
    static final Duration USAGE_DROP_GRACE = Duration.ofDays(45);

    private E2eScenarios() {}

    /**
     * A rules file with one rule firing as soon as it holds ({@code for: 0}). One at a time: with
     * no wait, a tenant whose five weeks of history are still being counted looks silent for a
     * moment.
     */
    static String rulesFile(Path dir, String rule) {
        Path file = dir.resolve("e2e-alert-rules.yaml");
        try {
            Files.writeString(file, "version: e2e-1\nrules:\n" + rule);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file.toString();
    }

    /** A test Pulse whose only rule is {@link #SILENCE_RULE}, running. */
    static PulseApplication startWithSilenceRule(Path stateDir, String name) {
        PulseApplication pulse =
                PulseApplication.start(
                        TestPulse.config(stateDir, name)
                                .withAlertRules(rulesFile(stateDir, SILENCE_RULE)),
                        PulseApplication.StartupProgress.SILENT);
        try {
            pulse.awaitRunning(Duration.ofSeconds(60));
            return pulse;
        } catch (RuntimeException e) {
            pulse.close();
            throw e;
        }
    }

    /** Lets events of {@link #usageDrop} five weeks back count. */
    static PulseConfig withUsageDropGrace(PulseConfig config) {
        return config.withPipeline(config.pipeline().withGrace(USAGE_DROP_GRACE));
    }

    /**
     * NDJSON events of {@code tenant}: 50 a day for four weeks, then two a day for the last seven
     * days (the newest a minute ago), so usage is down over 90 % against the same weekdays.
     */
    static String usageDrop(String run, String tenant) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Instant noon = now.truncatedTo(ChronoUnit.DAYS).plus(Duration.ofHours(12));
        StringBuilder ndjson = new StringBuilder();
        for (int day = 8; day <= 36; day++) {
            for (int i = 0; i < 50; i++) {
                ndjson.append(
                                PulseEndToEndIT.event(
                                        run + "-b" + day + "-" + i,
                                        tenant,
                                        "u" + (i % 5),
                                        "feature_used",
                                        "reports",
                                        noon.minus(Duration.ofDays(day)).plusSeconds(i)))
                        .append('\n');
            }
        }
        for (int day = 1; day <= 7; day++) {
            for (int i = 0; i < 2; i++) {
                ndjson.append(
                                PulseEndToEndIT.event(
                                        run + "-r" + day + "-" + i,
                                        tenant,
                                        "u0",
                                        "login",
                                        null,
                                        noon.minus(Duration.ofDays(day)).plusSeconds(i)))
                        .append('\n');
            }
        }
        return ndjson.append(
                        PulseEndToEndIT.event(
                                run + "-now", tenant, "u0", "login", null, now.minusSeconds(60)))
                .toString();
    }
}
