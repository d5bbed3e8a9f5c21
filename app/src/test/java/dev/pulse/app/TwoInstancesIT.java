package dev.pulse.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.pulse.streams.broker.SharedKafkaBroker;
import dev.pulse.topologies.topic.PulseStores;
import dev.pulse.topologies.topic.PulseTopics;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Two instances share the work; each answers for every tenant, fetching the other's. */
@ExtendWith(SharedKafkaBroker.class)
class TwoInstancesIT {
    @TempDir Path first;
    @TempDir Path second;

    @Test
    void eitherInstanceServesEveryTenantWhereverItsStateLives() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String appId = "pair-" + run;
        List<String> tenants =
                IntStream.range(0, 12).mapToObj(i -> "pair-" + run + "-" + i).toList();
        Instant at = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofMinutes(10));

        try (PulseApplication a =
                        PulseApplication.start(
                                TestPulse.config(first, appId),
                                PulseApplication.StartupProgress.SILENT);
                PulseApplication b =
                        PulseApplication.start(
                                TestPulse.config(second, appId),
                                PulseApplication.StartupProgress.SILENT)) {
            try (KafkaProducer<String, byte[]> producer = PulseEndToEndIT.producer()) {
                for (int t = 0; t < tenants.size(); t++) {
                    for (int e = 0; e <= t; e++) {
                        String tenant = tenants.get(t);
                        String json =
                                PulseEndToEndIT.event(
                                        tenant + "-" + e,
                                        tenant,
                                        "u" + e,
                                        "login",
                                        null,
                                        at.plusSeconds(e));
                        producer.send(
                                new ProducerRecord<>(
                                        PulseTopics.USAGE_EVENTS.name(),
                                        tenant,
                                        json.getBytes(StandardCharsets.UTF_8)));
                    }
                }
            }
            await().atMost(Duration.ofSeconds(90))
                    .until(
                            () ->
                                    a.streams().isRunning()
                                            && b.streams().isRunning()
                                            && ownersOf(a, tenants).size() == 2);

            PulseHttp viaA = new PulseHttp(a.apiPort());
            PulseHttp viaB = new PulseHttp(b.apiPort());
            for (int t = 0; t < tenants.size(); t++) {
                String path = "/v1/accounts/" + tenants.get(t);
                long expected = t + 1;
                await().atMost(Duration.ofSeconds(60))
                        .until(
                                () ->
                                        events(viaA, path) == expected
                                                && events(viaB, path) == expected);
            }
            for (String tenant : tenants) {
                // Alerts and their history are read from the owner too: both answer alike.
                PulseHttp.Response alertsViaA = viaA.get("/v1/alerts?tenant=" + tenant);
                PulseHttp.Response alertsViaB = viaB.get("/v1/alerts?tenant=" + tenant);
                assertThat(alertsViaA.status()).as(alertsViaA.body()).isEqualTo(200);
                assertThat(alertsViaB.status()).as(alertsViaB.body()).isEqualTo(200);
                assertThat(alertsViaA.json().path("alerts"))
                        .isEqualTo(alertsViaB.json().path("alerts"));
                PulseHttp.Response historyViaA = viaA.get("/v1/alerts/history?tenant=" + tenant);
                PulseHttp.Response historyViaB = viaB.get("/v1/alerts/history?tenant=" + tenant);
                assertThat(historyViaA.status()).as(historyViaA.body()).isEqualTo(200);
                assertThat(historyViaB.status()).as(historyViaB.body()).isEqualTo(200);
                assertThat(historyViaA.json().path("transitions"))
                        .isEqualTo(historyViaB.json().path("transitions"));
                // The same answer has the same tag whichever instance gave it, and a read naming
                // it is a 304 from either (retried: a rescore may change the score in between).
                String account = "/v1/accounts/" + tenant;
                await().atMost(Duration.ofSeconds(20))
                        .untilAsserted(
                                () -> {
                                    PulseHttp.Response viaOne = viaA.get(account);
                                    assertThat(viaOne.entityTag()).isNotNull();
                                    assertThat(viaB.get(account).entityTag())
                                            .isEqualTo(viaOne.entityTag());
                                    PulseHttp.Response unchanged =
                                            viaB.getIfNoneMatch(account, viaOne.entityTag());
                                    assertThat(unchanged.status()).isEqualTo(304);
                                    assertThat(unchanged.body()).isEmpty();
                                });
                // So is the journey (none yet: no day of theirs has closed, and no directory
                // record), asked of the owner in one batch read.
                PulseHttp.Response journeyViaA = viaA.get("/v1/accounts/" + tenant + "/journey");
                PulseHttp.Response journeyViaB = viaB.get("/v1/accounts/" + tenant + "/journey");
                assertThat(journeyViaA.status()).as(journeyViaA.body()).isEqualTo(404);
                assertThat(journeyViaB.status()).as(journeyViaB.body()).isEqualTo(404);
            }
        }
    }

    private static Set<Integer> ownersOf(PulseApplication app, List<String> tenants) {
        Set<Integer> ports = new HashSet<>();
        for (String tenant : tenants) {
            var metadata =
                    app.streams()
                            .kafkaStreams()
                            .queryMetadataForKey(
                                    PulseStores.HEALTH_SCORES,
                                    tenant,
                                    Serdes.String().serializer());
            if (metadata != null && metadata.activeHost() != null) {
                ports.add(metadata.activeHost().port());
            }
        }
        return ports;
    }

    private static long events(PulseHttp http, String path) {
        PulseHttp.Response response = http.get(path);
        return response.status() == 200
                ? response.json().path("engagement").path("last7d").path("events").asLong()
                : -1;
    }
}
