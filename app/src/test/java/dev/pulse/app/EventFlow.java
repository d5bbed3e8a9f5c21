package dev.pulse.app;

import dev.pulse.topologies.topic.PulseTopics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Usage events flowing to Pulse's input topic in the background, one per tenant per tick, each with
 * its own event id, counted per tenant once the cluster has acknowledged it: the truth an
 * exactly-once check compares Pulse's counts with. A send the cluster refused is counted apart (its
 * fate is unknown, so the check would be meaningless), and the check fails on it.
 */
final class EventFlow implements AutoCloseable {
    private static final Duration TICK = Duration.ofMillis(50);

    private final KafkaProducer<String, byte[]> producer;
    private final List<String> tenants;
    private final Map<String, AtomicLong> acknowledged = new ConcurrentHashMap<>();
    private final AtomicLong refused = new AtomicLong();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread sender;
    private final Instant base = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(600);
    private volatile Exception failure;

    private EventFlow(String bootstrapServers, List<String> tenants) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        this.producer =
                new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
        this.tenants = List.copyOf(tenants);
        tenants.forEach(tenant -> acknowledged.put(tenant, new AtomicLong()));
        this.sender = new Thread(this::send, "event-flow");
        sender.setDaemon(true);
    }

    static EventFlow start(String bootstrapServers, List<String> tenants) {
        EventFlow flow = new EventFlow(bootstrapServers, tenants);
        flow.sender.start();
        return flow;
    }

    private void send() {
        long sequence = 0;
        try {
            while (running.get()) {
                List<Future<RecordMetadata>> sent = new ArrayList<>();
                for (String tenant : tenants) {
                    sequence++;
                    // Distinct ids and instants: nothing here is a duplicate to drop.
                    String json =
                            PulseEndToEndIT.event(
                                    tenant + "-" + sequence,
                                    tenant,
                                    "u" + (sequence % 7),
                                    "login",
                                    null,
                                    base.plusMillis(sequence));
                    sent.add(
                            producer.send(
                                    new ProducerRecord<>(
                                            PulseTopics.USAGE_EVENTS.name(),
                                            tenant,
                                            json.getBytes(StandardCharsets.UTF_8))));
                }
                for (int i = 0; i < sent.size(); i++) {
                    try {
                        sent.get(i).get();
                        acknowledged.get(tenants.get(i)).incrementAndGet();
                    } catch (java.util.concurrent.ExecutionException e) {
                        refused.incrementAndGet();
                    }
                }
                Thread.sleep(TICK.toMillis()); // the flow's pace, not a wait for anything
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            failure = e;
        }
    }

    long acknowledged(String tenant) {
        return acknowledged.get(tenant).get();
    }

    long total() {
        return acknowledged.values().stream().mapToLong(AtomicLong::get).sum();
    }

    /** Stops sending and checks every send was acknowledged. */
    @Override
    public void close() throws Exception {
        running.set(false);
        sender.join(30_000);
        producer.close(Duration.ofSeconds(10));
        if (failure != null) {
            throw failure;
        }
        if (refused.get() > 0) {
            throw new AssertionError(refused.get() + " sends were refused by the cluster");
        }
    }
}
