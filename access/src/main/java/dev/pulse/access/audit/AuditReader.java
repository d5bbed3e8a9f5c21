package dev.pulse.access.audit;

import dev.pulse.streams.connection.KafkaConnection;
import dev.pulse.topologies.json.PulseJson;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads the audit topic back: queries for admins, and verification of every chain on it.
 *
 * <p>Each call reads with a fresh consumer of its own (assigned partitions, no group, nothing
 * committed) from the beginning or from a time, up to the end offsets seen when it started, so it
 * always finishes and never disturbs another reader.
 *
 * <p>{@link #verify()} cannot tell that records were cut off the end of a chain: a hash chain only
 * shows what is wrong with records that are present (see {@link AuditChainVerifier}).
 */
public final class AuditReader {
    /** How far the writer's clock may be ahead of the broker's when seeking by time. */
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    /** A read that makes no progress for this long has lost the broker. */
    private static final Duration STALL_TIMEOUT = Duration.ofSeconds(30);

    private static final Duration POLL = Duration.ofMillis(200);

    private final KafkaConnection kafka;
    private final String topic;
    private final AuditChainVerifier verifier = new AuditChainVerifier();

    public AuditReader(KafkaConnection kafka) {
        this(kafka, AuditTopic.NAME);
    }

    public AuditReader(KafkaConnection kafka, String topic) {
        this.kafka = Objects.requireNonNull(kafka, "kafka");
        this.topic = Objects.requireNonNull(topic, "topic");
    }

    /**
     * The newest records matching {@code query}, latest written first. Unreadable records are
     * skipped here; {@link #verify()} reports them.
     */
    public List<AuditRecord> query(AuditQuery query) {
        Deque<AuditRecord> newest = new ArrayDeque<>(Math.min(query.limit(), 1024));
        scan(
                query.from(),
                query.to(),
                positioned -> {
                    AuditRecord record = positioned.record();
                    if (record != null && record.entry() != null && query.matches(record.entry())) {
                        newest.addLast(record);
                        if (newest.size() > query.limit()) {
                            newest.removeFirst();
                        }
                    }
                });
        List<AuditRecord> result = new ArrayList<>(newest);
        Collections.reverse(result);
        return result;
    }

    /** Verifies every chain on the topic, in topic order. */
    public ChainReport verify() {
        List<PositionedRecord> records = new ArrayList<>();
        boolean truncatedByRetention = scan(null, null, records::add);
        return verifier.verify(records, truncatedByRetention);
    }

    /**
     * Feeds {@code sink} every record from {@code from} (or the beginning) to the end offsets seen
     * at start, or until the broker's timestamps pass {@code to}.
     *
     * @return whether the log no longer starts at offset 0 (retention deleted its oldest records)
     */
    private boolean scan(Instant from, Instant to, Consumer<PositionedRecord> sink) {
        try (KafkaConsumer<String, byte[]> consumer = consumer()) {
            List<TopicPartition> partitions = partitions(consumer);
            consumer.assign(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, STALL_TIMEOUT);
            Map<TopicPartition, Long> start = consumer.beginningOffsets(partitions, STALL_TIMEOUT);
            seek(consumer, partitions, from);
            long stopAfterMillis = to == null ? Long.MAX_VALUE : to.plus(CLOCK_SKEW).toEpochMilli();
            Set<TopicPartition> done = new HashSet<>();
            long lastProgress = System.nanoTime();
            while (done.size() < partitions.size()) {
                for (TopicPartition p : partitions) {
                    if (!done.contains(p) && consumer.position(p) >= end.get(p)) {
                        done.add(p);
                    }
                }
                if (done.size() == partitions.size()) {
                    break;
                }
                boolean progressed = false;
                for (ConsumerRecord<String, byte[]> r : consumer.poll(POLL)) {
                    TopicPartition p = new TopicPartition(r.topic(), r.partition());
                    progressed = true;
                    if (done.contains(p) || r.offset() >= end.get(p)) {
                        continue;
                    }
                    // Append time only grows on a partition; past "to" (with slack), stop.
                    if (r.timestamp() > stopAfterMillis) {
                        done.add(p);
                        consumer.pause(List.of(p));
                        continue;
                    }
                    sink.accept(new PositionedRecord(r.offset(), decode(r.value())));
                }
                if (progressed) {
                    lastProgress = System.nanoTime();
                } else if (System.nanoTime() - lastProgress > STALL_TIMEOUT.toNanos()) {
                    throw new IllegalStateException(
                            "reading audit topic "
                                    + topic
                                    + " made no progress for "
                                    + STALL_TIMEOUT.toSeconds()
                                    + " s; is Kafka reachable?");
                }
            }
            return start.values().stream().anyMatch(offset -> offset > 0);
        }
    }

    private void seek(
            KafkaConsumer<String, byte[]> consumer, List<TopicPartition> partitions, Instant from) {
        if (from == null) {
            consumer.seekToBeginning(partitions);
            return;
        }
        long seekMillis = from.minus(CLOCK_SKEW).toEpochMilli();
        Map<TopicPartition, Long> times = new HashMap<>();
        partitions.forEach(p -> times.put(p, seekMillis));
        Map<TopicPartition, OffsetAndTimestamp> offsets =
                consumer.offsetsForTimes(times, STALL_TIMEOUT);
        List<TopicPartition> nothingSince = new ArrayList<>();
        for (TopicPartition p : partitions) {
            OffsetAndTimestamp at = offsets.get(p);
            if (at == null) {
                nothingSince.add(p);
            } else {
                consumer.seek(p, at.offset());
            }
        }
        if (!nothingSince.isEmpty()) { // an empty list would mean "every partition"
            consumer.seekToEnd(nothingSince);
        }
    }

    private List<TopicPartition> partitions(KafkaConsumer<String, byte[]> consumer) {
        List<PartitionInfo> infos = consumer.partitionsFor(topic, STALL_TIMEOUT);
        if (infos == null || infos.isEmpty()) {
            throw new IllegalStateException("audit topic " + topic + " does not exist");
        }
        return infos.stream()
                .map(info -> new TopicPartition(topic, info.partition()))
                .sorted(Comparator.comparingInt(TopicPartition::partition))
                .toList();
    }

    private static AuditRecord decode(byte[] value) {
        if (value == null) {
            return null;
        }
        try {
            return PulseJson.mapper().readValue(value, AuditRecord.class);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private KafkaConsumer<String, byte[]> consumer() {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "pulse-audit-reader");
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5_000);
        return new KafkaConsumer<>(
                kafka.clientConfig(config), new StringDeserializer(), new ByteArrayDeserializer());
    }
}
