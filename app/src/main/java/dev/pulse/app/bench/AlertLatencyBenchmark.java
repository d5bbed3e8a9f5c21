package dev.pulse.app.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pulse.topologies.account.Account;
import dev.pulse.topologies.json.JsonSerde;
import dev.pulse.topologies.json.PulseJson;
import dev.pulse.topologies.topic.PulseTopics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Event → alert in the owner's feed, one sample at a time: each sample is a fresh account (renewal
 * in 30 days, 100 seats) and one usage event; the renewal rule fires on the first evaluation of
 * that account, the notifier addresses it to the owner, and the latency runs from just before the
 * event is sent to the notification arriving on the owner's live stream ({@code GET
 * /v1/notifications/stream}), the way a person with the feed open sees it.
 */
public final class AlertLatencyBenchmark {
    static final Duration DEADLINE = Duration.ofSeconds(30);
    private static final long MAX_PAUSE_NANOS = TimeUnit.MILLISECONDS.toNanos(250);
    private static final JsonSerde<Account> ACCOUNT_JSON = JsonSerde.of(Account.class);

    private final String bootstrapServers;
    private final int apiPort;
    private final SplittableRandom random;

    public AlertLatencyBenchmark(String bootstrapServers, int apiPort, long seed) {
        this.bootstrapServers = bootstrapServers;
        this.apiPort = apiPort;
        this.random = new SplittableRandom(seed);
    }

    /** Latencies, and how many alerts did not reach the feed within the deadline. */
    public record Result(LatencySummary latency, long timeouts, int samples) {}

    public Result run(String owner, String bearer, int samples) {
        String run = Long.toHexString(System.nanoTime());
        Map<String, Long> arrivals = new ConcurrentHashMap<>();
        Histogram micros = LatencySummary.newHistogram();
        long timeouts = 0;
        try (KafkaProducer<String, byte[]> producer = BenchProducers.latency(bootstrapServers);
                FeedStream feed = new FeedStream(apiPort, bearer, arrivals)) {
            for (int i = 0; i < samples; i++) {
                String tenant = "bench-alert-" + run + "-" + i;
                send(
                        producer,
                        PulseTopics.ACCOUNTS.name(),
                        tenant,
                        ACCOUNT_JSON.toBytes(account(tenant, owner)),
                        null);
            }
            producer.flush();
            feed.awaitOpen();
            for (int i = 0; i < samples; i++) {
                String tenant = "bench-alert-" + run + "-" + i;
                Instant time = Instant.ofEpochMilli(System.currentTimeMillis());
                byte[] json =
                        BenchEventGenerator.json(
                                "alert-" + run + "-" + i, tenant, "user-0", "login", null, time);
                long start = System.nanoTime();
                send(producer, PulseTopics.USAGE_EVENTS.name(), tenant, json, time.toEpochMilli());
                long arrived = awaitArrival(arrivals, tenant, start);
                if (arrived < 0) {
                    timeouts++;
                    micros.recordValue(DEADLINE.toMillis() * 1000);
                    if (timeouts == i + 1 && timeouts >= 3) {
                        throw new IllegalStateException(
                                "no alert reached "
                                        + owner
                                        + "'s feed within "
                                        + DEADLINE.toSeconds()
                                        + " s; stream status "
                                        + feed.status());
                    }
                } else {
                    micros.recordValue(TimeUnit.NANOSECONDS.toMicros(arrived - start));
                }
                LockSupport.parkNanos(random.nextLong(MAX_PAUSE_NANOS));
            }
        }
        return new Result(LatencySummary.of(micros), timeouts, samples);
    }

    private static Account account(String tenant, String owner) {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        return new Account(
                tenant,
                "Bench Renewal " + tenant,
                owner,
                "bench",
                "growth",
                100L,
                12_000.0,
                today.plusDays(30),
                "mid-market");
    }

    private static void send(
            KafkaProducer<String, byte[]> producer,
            String topic,
            String key,
            byte[] value,
            Long time) {
        producer.send(new ProducerRecord<>(topic, null, time, key, value));
    }

    /** The arrival time, or -1 after the deadline. */
    private static long awaitArrival(Map<String, Long> arrivals, String tenant, long start) {
        long deadline = start + DEADLINE.toNanos();
        while (System.nanoTime() < deadline) {
            Long at = arrivals.get(tenant);
            if (at != null) {
                return at;
            }
            LockSupport.parkNanos(
                    TimeUnit.MILLISECONDS.toNanos(1)); // polling a map filled by the stream reader
        }
        return -1;
    }

    /** The owner's SSE stream, read in the background; records when each tenant's alert arrives. */
    private static final class FeedStream implements AutoCloseable {
        private final CompletableFuture<HttpResponse<Stream<String>>> response;
        private final CompletableFuture<Void> open = new CompletableFuture<>();
        private volatile int status;

        FeedStream(int port, String bearer, Map<String, Long> arrivals) {
            HttpRequest request =
                    HttpRequest.newBuilder(
                                    URI.create(
                                            "http://127.0.0.1:"
                                                    + port
                                                    + "/v1/notifications/stream"))
                            .header("Authorization", bearer)
                            .GET()
                            .build();
            response =
                    HttpClient.newHttpClient()
                            .sendAsync(request, HttpResponse.BodyHandlers.ofLines());
            response.thenAcceptAsync(
                    r -> {
                        status = r.statusCode();
                        open.complete(null);
                        r.body().forEach(line -> record(line, arrivals));
                    });
        }

        private static void record(String line, Map<String, Long> arrivals) {
            if (!line.startsWith("data: ")) {
                return;
            }
            long now = System.nanoTime();
            try {
                JsonNode n = PulseJson.mapper().readTree(line.substring(6));
                if ("fired".equals(n.path("reason").asText())) {
                    arrivals.putIfAbsent(n.path("tenantId").asText(), now);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        void awaitOpen() {
            try {
                open.get(DEADLINE.toSeconds(), TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException("the notification stream did not open: " + e, e);
            }
            if (status != 200) {
                throw new IllegalStateException("the notification stream answered " + status);
            }
        }

        int status() {
            return status;
        }

        @Override
        public void close() {
            response.thenAccept(r -> r.body().close());
            response.cancel(true);
        }
    }
}
