package dev.pulse.app.backtest;

import dev.pulse.streams.connection.KafkaConnection;
import dev.pulse.topologies.account.Account;
import dev.pulse.topologies.engagement.EngagementBucket;
import dev.pulse.topologies.serde.EngagementBucketSerde;
import dev.pulse.topologies.time.UtcDays;
import dev.pulse.topologies.topic.PulseStores;
import dev.pulse.topologies.topic.PulseTopics;
import dev.pulse.topologies.topic.Topic;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads what a deployment stored, so a candidate model can be backtested on its history without the
 * raw events: the daily engagement buckets from the {@code engagement-daily} store's changelog
 * topic, and the account directory (with the outcomes people recorded) from its topic. Reading a
 * changelog is reading Kafka, not the store's internals: its records are the store's keys and
 * values, a window key being the tenant id followed by the window start and a sequence number.
 */
public final class StoredEngagementReader {

    /** A window store's changelog key ends with an 8-byte window start and a 4-byte sequence. */
    private static final int WINDOW_KEY_SUFFIX = 12;

    private final KafkaConnection kafka;
    private final String applicationId;

    public StoredEngagementReader(KafkaConnection kafka, String applicationId) {
        this.kafka = kafka;
        this.applicationId = applicationId;
    }

    /** The changelog topic Kafka Streams keeps for the daily engagement store. */
    public String changelogTopic() {
        return applicationId + "-" + PulseStores.ENGAGEMENT_DAILY + "-changelog";
    }

    /** Reads both topics to their current end. */
    public BacktestInput read(LongConsumer progress) {
        DailyEngagement engagement = new DailyEngagement();
        Map<String, Map<Long, byte[]>> latest = new HashMap<>();
        long[] records = {0};
        readToEnd(
                changelogTopic(),
                record -> {
                    byte[] key = record.key();
                    if (key == null || key.length <= WINDOW_KEY_SUFFIX) {
                        return;
                    }
                    String tenant =
                            new String(
                                    key, 0, key.length - WINDOW_KEY_SUFFIX, StandardCharsets.UTF_8);
                    long windowStart =
                            ByteBuffer.wrap(key, key.length - WINDOW_KEY_SUFFIX, 8).getLong();
                    Map<Long, byte[]> days = latest.computeIfAbsent(tenant, t -> new HashMap<>());
                    if (record.value() == null) {
                        days.remove(windowStart);
                    } else {
                        days.put(windowStart, record.value());
                    }
                    if (++records[0] % 100_000 == 0) {
                        progress.accept(records[0]);
                    }
                });
        latest.forEach(
                (tenant, days) ->
                        days.forEach(
                                (start, bytes) -> {
                                    EngagementBucket bucket =
                                            EngagementBucketSerde.fromBytes(bytes);
                                    engagement.putDay(tenant, UtcDays.dayOfMs(start), bucket);
                                }));
        Map<String, Account> accounts = new LinkedHashMap<>();
        Topic<String, Account> topic = PulseTopics.ACCOUNTS;
        readToEnd(
                topic.name(),
                record -> {
                    String tenant =
                            record.key() == null
                                    ? null
                                    : new String(record.key(), StandardCharsets.UTF_8);
                    Account account =
                            record.value() == null
                                    ? null
                                    : topic.valueSerde()
                                            .deserializer()
                                            .deserialize(topic.name(), record.value());
                    if (tenant == null) {
                        return;
                    }
                    if (account == null) {
                        accounts.remove(tenant);
                    } else {
                        accounts.put(tenant, account);
                    }
                });
        return new BacktestInput(
                "stored history of '" + applicationId + "' at " + kafka.describe(),
                engagement,
                accounts,
                List.of(),
                0);
    }

    private interface RecordSink {
        void accept(ConsumerRecord<byte[], byte[]> record);
    }

    private void readToEnd(String topic, RecordSink sink) {
        Map<String, Object> props = new HashMap<>();
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000");
        try (KafkaConsumer<byte[], byte[]> consumer =
                new KafkaConsumer<>(
                        kafka.clientConfig(props),
                        new ByteArrayDeserializer(),
                        new ByteArrayDeserializer())) {
            List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(30));
            if (infos == null || infos.isEmpty()) {
                throw new IllegalStateException(
                        "topic "
                                + topic
                                + " does not exist at "
                                + kafka.describe()
                                + "; is the application id right?");
            }
            List<TopicPartition> partitions = new ArrayList<>();
            infos.forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(30));
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                consumer.poll(Duration.ofMillis(500)).forEach(sink::accept);
            }
        }
    }
}
