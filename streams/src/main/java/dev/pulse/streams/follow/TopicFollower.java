package dev.pulse.streams.follow;

import dev.pulse.streams.connection.KafkaConnection;
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
 * A daemon thread that reads every partition of one topic, from the beginning or from its end, and
 * hands each keyed record to a {@link RecordSink}. No consumer group and no commits: each instance
 * needs the whole topic, and each start decides again where to begin.
 *
 * <p>On any error it logs, waits and starts over from the same {@link Start}; sinks that read from
 * the beginning must therefore tolerate a replay (keep the newest offset per key).
 */
public final class TopicFollower implements AutoCloseable {
    /** Where each (re)start begins. */
    public enum Start {
        /** Replay the whole topic, then follow it: for tables every instance keeps. */
        BEGINNING,
        /** Only what arrives from now on: for live fan-out, where the past is not news. */
        END
    }

    private static final Logger LOG = LoggerFactory.getLogger(TopicFollower.class);
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration RETRY = Duration.ofSeconds(1);

    private final String topic;
    private final Start start;
    private final Map<String, Object> config;
    private final RecordSink sink;
    private final CountDownLatch caughtUp = new CountDownLatch(1);
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final Thread thread;
    private volatile boolean running = true;
    private volatile KafkaConsumer<String, byte[]> consumer;

    /**
     * @param clientId names the consumer (and its thread) in logs and broker metrics
     */
    public TopicFollower(
            KafkaConnection kafka, String topic, Start start, String clientId, RecordSink sink) {
        this.topic = topic;
        this.start = start;
        this.sink = sink;
        this.config = consumerConfig(kafka, clientId);
        this.thread = new Thread(this::run, clientId + "-" + topic);
        this.thread.setDaemon(true);
    }

    public void start() {
        thread.start();
    }

    /** True once the records present when following began have been handed to the sink. */
    public boolean awaitCaughtUp(Duration timeout) throws InterruptedException {
        return caughtUp.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
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
                    LOG.warn("Reader of {} interrupted; restarting", topic);
                }
            } catch (RuntimeException e) {
                if (running) {
                    LOG.error("Reader of {} failed; retrying in {}", topic, RETRY, e);
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
            LOG.warn("Topic {} does not exist yet; waiting for it", topic);
            return;
        }
        c.assign(partitions);
        if (start == Start.BEGINNING) {
            c.seekToBeginning(partitions);
        } else {
            c.seekToEnd(partitions);
        }
        Map<TopicPartition, Long> end = c.endOffsets(partitions);
        while (running) {
            if (caughtUp.getCount() > 0 && reached(c, end)) {
                caughtUp.countDown();
            }
            for (ConsumerRecord<String, byte[]> r : c.poll(POLL)) {
                if (r.key() != null) {
                    sink.accept(r.offset(), r.key(), r.value());
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

    private static boolean reached(KafkaConsumer<String, byte[]> c, Map<TopicPartition, Long> end) {
        return end.entrySet().stream().allMatch(e -> c.position(e.getKey()) >= e.getValue());
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

    private static Map<String, Object> consumerConfig(KafkaConnection kafka, String clientId) {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
        return kafka.clientConfig(config);
    }
}
