package dev.pulse.access.apikeys;

import dev.pulse.topologies.json.PulseJson;
import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A daemon thread that reads the API-key topic from the beginning and then follows it, applying
 * every record to an {@link ApiKeyTable}, so that every instance knows every key and every
 * revocation. No consumer group: each instance needs all of the (small) topic, and nothing is
 * committed because each start replays it whole.
 *
 * <p>On any error it logs, waits and starts over from the beginning; replaying is harmless because
 * the table keeps the newest offset per key.
 */
final class ApiKeyTopicFollower implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ApiKeyTopicFollower.class);
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration RETRY = Duration.ofSeconds(1);

    private final String topic;
    private final Map<String, Object> config;
    private final ApiKeyTable table;
    private final CountDownLatch loaded = new CountDownLatch(1);
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final Thread thread;
    private volatile boolean running = true;
    private volatile KafkaConsumer<String, byte[]> consumer;

    ApiKeyTopicFollower(String bootstrapServers, String topic, ApiKeyTable table) {
        this.topic = topic;
        this.table = table;
        this.config = consumerConfig(bootstrapServers);
        this.thread = new Thread(this::run, "pulse-api-keys-" + topic);
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    /** True once the records present at start have been applied. */
    boolean awaitLoaded(Duration timeout) throws InterruptedException {
        return loaded.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    @Override
    public void close() {
        running = false;
        stopped.countDown();
        // Wakeup, not interrupt: an interrupted consumer cannot close cleanly.
        KafkaConsumer<String, byte[]> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        try {
            thread.join(Duration.ofSeconds(10).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        while (running) {
            try (KafkaConsumer<String, byte[]> c =
                    new KafkaConsumer<>(
                            config, new StringDeserializer(), new ByteArrayDeserializer())) {
                consumer = c;
                follow(c);
            } catch (WakeupException | InterruptException e) {
                if (running) {
                    LOG.warn("API-key reader of {} interrupted; restarting", topic);
                }
            } catch (RuntimeException e) {
                if (running) {
                    LOG.error("API-key reader of {} failed; retrying in {}", topic, RETRY, e);
                }
            } finally {
                consumer = null;
            }
            if (running) {
                pause();
            }
        }
    }

    private void follow(KafkaConsumer<String, byte[]> c) {
        List<TopicPartition> partitions = partitions(c);
        if (partitions.isEmpty()) {
            LOG.warn("API-key topic {} does not exist yet; waiting for it", topic);
            return;
        }
        c.assign(partitions);
        c.seekToBeginning(partitions);
        Map<TopicPartition, Long> end = c.endOffsets(partitions);
        while (running) {
            if (loaded.getCount() > 0 && caughtUp(c, end)) {
                loaded.countDown();
            }
            for (ConsumerRecord<String, byte[]> r : c.poll(POLL)) {
                if (r.key() != null) {
                    table.apply(r.offset(), r.key(), decode(r));
                }
            }
        }
    }

    private List<TopicPartition> partitions(KafkaConsumer<String, byte[]> c) {
        List<PartitionInfo> infos = c.partitionsFor(topic);
        return infos == null
                ? List.of()
                : infos.stream().map(i -> new TopicPartition(topic, i.partition())).toList();
    }

    private static boolean caughtUp(
            KafkaConsumer<String, byte[]> c, Map<TopicPartition, Long> end) {
        return end.entrySet().stream().allMatch(e -> c.position(e.getKey()) >= e.getValue());
    }

    private ApiKey decode(ConsumerRecord<String, byte[]> r) {
        if (r.value() == null) {
            return null;
        }
        try {
            return PulseJson.mapper().readValue(r.value(), ApiKey.class);
        } catch (IOException | RuntimeException e) {
            // Fail closed: a key whose newest record cannot be read authenticates nobody.
            LOG.warn(
                    "Unreadable API-key record for id {} at {} offset {}; treating the key as"
                            + " deleted",
                    r.key(),
                    topic,
                    r.offset());
            return null;
        }
    }

    /** Waits before a retry; returns at once when closed. */
    private void pause() {
        try {
            stopped.await(RETRY.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    private static Map<String, Object> consumerConfig(String bootstrapServers) {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "pulse-api-keys");
        return config;
    }
}
