package dev.pulse.app.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pulse.topologies.json.PulseJson;
import dev.pulse.topologies.topic.PulseTopics;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * End-to-end freshness, one sample at a time: produce one event stamped "now" for a random tenant,
 * then read {@code GET /v1/accounts/{tenant}} every 2 ms until its {@code health.lastEventAt}
 * reaches the event's time. The latency runs from just before the send to the answer that shows the
 * event. A sample still invisible after 10 s counts as a timeout and is recorded as 10 s. Samples
 * are spaced by a random pause of up to 250 ms, so that they do not fall into step with the
 * pipeline's periodic score refresh and always wait the same part of it.
 */
public final class FreshnessBenchmark {
    static final Duration DEADLINE = Duration.ofSeconds(10);

    /** When this many samples in a row are never visible, the API is not answering as expected. */
    static final int GIVE_UP_AFTER_TIMEOUTS = 3;

    private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(2);
    private static final long MAX_PAUSE_NANOS = TimeUnit.MILLISECONDS.toNanos(250);

    private final String bootstrapServers;
    private final BenchHttpClient http;
    private final BenchAuth auth;
    private final SplittableRandom random;
    private String lastAnswer = "none";

    public FreshnessBenchmark(
            String bootstrapServers, BenchHttpClient http, BenchAuth auth, long seed) {
        this.bootstrapServers = bootstrapServers;
        this.http = http;
        this.auth = auth;
        this.random = new SplittableRandom(seed);
    }

    /** Latencies, and how many samples were not visible within the deadline. */
    public record Result(LatencySummary latency, long timeouts) {}

    public Result run(BenchTenants tenants, int samples) {
        Histogram micros = LatencySummary.newHistogram();
        long timeouts = 0;
        AtomicLong failedSends = new AtomicLong();
        List<String> ids = tenants.ids();
        try (KafkaProducer<String, byte[]> producer = BenchProducers.latency(bootstrapServers)) {
            producer.partitionsFor(PulseTopics.USAGE_EVENTS.name());
            for (int i = 0; i < samples; i++) {
                int index = random.nextInt(ids.size());
                String tenant = ids.get(index);
                BenchRequest read =
                        new BenchRequest(
                                "/v1/accounts/" + tenant, auth.bearer(tenants.ownerOf(index)));
                Instant time = Instant.ofEpochMilli(System.currentTimeMillis());
                byte[] json =
                        BenchEventGenerator.json(
                                "fresh-" + i, tenant, "user-0", "login", null, time);
                long start = System.nanoTime();
                producer.send(
                        new ProducerRecord<>(
                                PulseTopics.USAGE_EVENTS.name(),
                                null,
                                time.toEpochMilli(),
                                tenant,
                                json),
                        (metadata, error) -> {
                            if (error != null) {
                                failedSends.incrementAndGet();
                            }
                        });
                long latency = awaitVisible(read, time, start);
                if (latency < 0) {
                    timeouts++;
                    latency = DEADLINE.toNanos();
                    if (timeouts == i + 1 && timeouts >= GIVE_UP_AFTER_TIMEOUTS) {
                        throw new IllegalStateException(
                                "no event became visible in GET /v1/accounts/{tenant} within "
                                        + DEADLINE.toSeconds()
                                        + " s; last answer: "
                                        + lastAnswer);
                    }
                }
                micros.recordValue(TimeUnit.NANOSECONDS.toMicros(latency));
                LockSupport.parkNanos(random.nextLong(MAX_PAUSE_NANOS));
            }
        }
        if (failedSends.get() > 0) {
            throw new IllegalStateException(failedSends.get() + " freshness events failed to send");
        }
        return new Result(LatencySummary.of(micros), timeouts);
    }

    /** Nanoseconds from {@code start} until the API shows the event, or -1 after the deadline. */
    private long awaitVisible(BenchRequest read, Instant eventTime, long start) {
        long deadline = start + DEADLINE.toNanos();
        while (true) {
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0) {
                return -1;
            }
            if (shows(send(read, remaining), eventTime)) {
                return System.nanoTime() - start;
            }
            LockSupport.parkNanos(POLL_NANOS);
        }
    }

    private HttpResponse<Buffer> send(BenchRequest read, long timeoutNanos) {
        try {
            return http.get(read).await(timeoutNanos, TimeUnit.NANOSECONDS);
        } catch (Exception e) {
            return null; // timed out or failed: not visible yet; the deadline decides
        }
    }

    private boolean shows(HttpResponse<Buffer> response, Instant eventTime) {
        if (response == null) {
            return false;
        }
        Buffer body = response.body();
        lastAnswer = response.statusCode() + " " + excerpt(body);
        if (response.statusCode() != 200 || body == null) {
            return false;
        }
        try {
            JsonNode lastEventAt =
                    PulseJson.mapper().readTree(body.getBytes()).path("health").path("lastEventAt");
            return lastEventAt.isTextual()
                    && !Instant.parse(lastEventAt.asText()).isBefore(eventTime);
        } catch (IOException | DateTimeParseException e) {
            return false;
        }
    }

    private static String excerpt(Buffer body) {
        if (body == null) {
            return "(no body)";
        }
        String text = body.toString(StandardCharsets.UTF_8);
        return text.length() <= 300 ? text : text.substring(0, 300) + "...";
    }
}
