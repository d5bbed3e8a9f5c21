package dev.pulse.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.pulse.app.config.PulseConfig;
import dev.pulse.app.ops.Scrape;
import dev.pulse.streams.broker.SharedKafkaBroker;
import dev.pulse.streams.runtime.RestoreProgress;
import dev.pulse.topologies.topic.PulseTopics;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * A restart on the same state directory keeps all state and counts nothing twice; a restart with
 * the state directory wiped restores it from the changelogs and says so in the log.
 */
@ExtendWith(SharedKafkaBroker.class)
class RestartIT {
    @TempDir Path stateDir;

    @Test
    void restartOnTheSameStateDirectoryKeepsStateAndDoesNotDoubleCount() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String tenant = "restart-" + run;
        PulseConfig config = TestPulse.config(stateDir, "restart-" + run);
        Instant base =
                Instant.now()
                        .truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
                        .minus(Duration.ofMinutes(30));

        try (PulseApplication first =
                PulseApplication.start(config, PulseApplication.StartupProgress.SILENT)) {
            first.awaitRunning(Duration.ofSeconds(60));
            send(tenant, 0, 20, base);
            send(tenant, 0, 3, base); // re-deliveries of events already sent
            await().atMost(Duration.ofSeconds(60)).until(() -> events(first, tenant) == 20);
        }
        assertThat(Files.list(stateDir).findAny()).as("state directory kept").isPresent();

        try (PulseApplication second =
                PulseApplication.start(config, PulseApplication.StartupProgress.SILENT)) {
            second.awaitRunning(Duration.ofSeconds(60));
            assertThat(events(second, tenant))
                    .as("state after restart, before new input")
                    .isEqualTo(20);

            send(tenant, 20, 30, base);
            send(tenant, 15, 20, base); // re-deliveries across the restart
            await().atMost(Duration.ofSeconds(60)).until(() -> events(second, tenant) == 30);
            await().during(Duration.ofSeconds(2))
                    .atMost(Duration.ofSeconds(5))
                    .until(() -> events(second, tenant) == 30);
            // The copies were not ruled out by the duplicate filter rebuilt from the restored ids:
            // each was looked up in the id store and dropped.
            await().atMost(Duration.ofSeconds(30))
                    .untilAsserted(
                            () -> {
                                Scrape metrics =
                                        new Scrape(
                                                new PulseHttp(second.apiPort())
                                                        .get("/metrics")
                                                        .body());
                                assertThat(metrics.value("pulse_events_duplicates_total "))
                                        .isEqualTo(5.0);
                                // Plus any of the ten new ids the filter could not rule out
                                // (about 1 % each).
                                assertThat(metrics.value("pulse_dedup_store_lookups_total "))
                                        .isBetween(5.0, 15.0);
                            });
            assertThat(
                            new PulseHttp(second.apiPort())
                                    .get("/v1/accounts/" + tenant)
                                    .json()
                                    .path("health")
                                    .path("lastEventAt")
                                    .asText())
                    .isEqualTo(base.plusSeconds(29).toString());
        }

        deleteRecursively(stateDir);
        Logger restores = (Logger) LoggerFactory.getLogger(RestoreProgress.class);
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        restores.addAppender(log);
        // Kafka Streams' own restore log: a window store it cannot see the retention of (a layer of
        // Pulse's above it, say) is restored in full, expired windows included, with a warning.
        Logger changelogReader =
                (Logger)
                        LoggerFactory.getLogger(
                                "org.apache.kafka.streams.processor.internals.StoreChangelogReader");
        ListAppender<ILoggingEvent> kafkaLog = new ListAppender<>();
        kafkaLog.start();
        changelogReader.addAppender(kafkaLog);
        try (PulseApplication third =
                PulseApplication.start(config, PulseApplication.StartupProgress.SILENT)) {
            third.awaitRunning(Duration.ofSeconds(60));
            assertThat(events(third, tenant)).as("state restored from changelogs").isEqualTo(30);
            PulseHttp.Response ready = new PulseHttp(third.apiPort()).get("/health/ready");
            assertThat(ready.status()).isEqualTo(200);
            assertThat(ready.json().has("restoring")).as("nothing left restoring").isFalse();
        } finally {
            restores.detachAppender(log);
            changelogReader.detachAppender(kafkaLog);
        }
        assertThat(kafkaLog.list.stream().map(ILoggingEvent::getFormattedMessage))
                .as("window stores restored by their retention, not in full")
                .noneMatch(line -> line.contains("no usable retention period"));
        List<String> lines = log.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
        assertThat(lines)
                .anySatisfy(
                        line ->
                                assertThat(line)
                                        .matches(
                                                "Restoring store .+ partition \\d+: [1-9]\\d*"
                                                        + " records to replay from .+"));
        assertThat(lines)
                .anySatisfy(
                        line ->
                                assertThat(line)
                                        .matches(
                                                "Restored store .+ partition \\d+: [1-9]\\d*"
                                                        + " records in .+ s"));
    }

    private static void deleteRecursively(Path dir) throws java.io.IOException {
        try (java.util.stream.Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                if (!path.equals(dir)) {
                    Files.delete(path);
                }
            }
        }
    }

    private static long events(PulseApplication pulse, String tenant) {
        PulseHttp.Response response = new PulseHttp(pulse.apiPort()).get("/v1/accounts/" + tenant);
        return response.status() == 200
                ? response.json().path("engagement").path("last7d").path("events").asLong()
                : -1;
    }

    private static void send(String tenant, int from, int to, Instant base) {
        try (KafkaProducer<String, byte[]> producer = PulseEndToEndIT.producer()) {
            for (int i = from; i < to; i++) {
                String json =
                        PulseEndToEndIT.event(
                                tenant + "-" + i,
                                tenant,
                                "u" + (i % 4),
                                "login",
                                null,
                                base.plusSeconds(i));
                producer.send(
                        new ProducerRecord<>(
                                PulseTopics.USAGE_EVENTS.name(),
                                tenant,
                                json.getBytes(StandardCharsets.UTF_8)));
            }
        }
    }
}
