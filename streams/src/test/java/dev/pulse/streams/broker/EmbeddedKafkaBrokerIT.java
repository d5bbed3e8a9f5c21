package dev.pulse.streams.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(SharedKafkaBroker.class)
class EmbeddedKafkaBrokerIT {

    private static final Duration DEADLINE = Duration.ofSeconds(30);

    @Test
    void readCommittedConsumerSeesOnlyCommittedTransactions() {
        String topic = "eos-" + UUID.randomUUID();
        SharedKafkaBroker.broker().createTopics(List.of(new NewTopic(topic, 1, (short) 1)));

        try (KafkaProducer<String, String> producer =
                transactionalProducer(SharedKafkaBroker.bootstrapServers())) {
            producer.initTransactions();
            sendInTransaction(producer, topic, List.of("a", "b", "c"));
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(topic, "k", "aborted-1"));
            producer.send(new ProducerRecord<>(topic, "k", "aborted-2"));
            producer.flush();
            producer.abortTransaction();
            sendInTransaction(producer, topic, List.of("d"));
        }

        try (KafkaConsumer<String, String> consumer =
                consumer(SharedKafkaBroker.bootstrapServers(), "eos-group-" + UUID.randomUUID())) {
            consumer.subscribe(List.of(topic));
            assertThat(pollValues(consumer, 4)).containsExactly("a", "b", "c", "d");
        }
    }

    @Test
    void picksOtherPortsWhenOneItPickedIsTakenBeforeItBinds(@TempDir Path dataDir)
            throws Exception {
        // Another process takes the port between the pick and the bind, as a parallel fork can.
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
            AtomicInteger picks = new AtomicInteger();
            IntSupplier ports =
                    () ->
                            picks.incrementAndGet() == 1
                                    ? taken.getLocalPort()
                                    : EmbeddedKafkaBroker.freePort();

            try (EmbeddedKafkaBroker broker =
                    EmbeddedKafkaBroker.start(dataDir, 0, Map.of(), ports)) {
                assertThat(broker.bootstrapServers()).doesNotEndWith(":" + taken.getLocalPort());
                broker.createTopics(List.of(new NewTopic("after-retry", 1, (short) 1)));
            }
            assertThat(picks.get()).as("ports picked: two, then two again").isEqualTo(4);
        }
    }

    @Test
    void neverGivesTheControllerTheClientPortItWasAsked(@TempDir Path dataDir) {
        // A restart on the client port just released: the OS may hand that port out again at once.
        int clientPort = EmbeddedKafkaBroker.freePort();
        AtomicInteger picks = new AtomicInteger();
        IntSupplier ports =
                () -> picks.incrementAndGet() == 1 ? clientPort : EmbeddedKafkaBroker.freePort();

        try (EmbeddedKafkaBroker broker =
                EmbeddedKafkaBroker.start(dataDir, clientPort, Map.of(), ports)) {
            assertThat(broker.bootstrapServers()).endsWith(":" + clientPort);
            broker.createTopics(List.of(new NewTopic("own-controller-port", 1, (short) 1)));
        }
        assertThat(picks.get()).as("the client port, refused, then a controller port").isEqualTo(2);
    }

    @Test
    void keepsRecordsAcrossRestartOnSameDirectory(@TempDir Path dataDir) {
        String topic = "restart-" + UUID.randomUUID();
        List<NewTopic> topics = List.of(new NewTopic(topic, 1, (short) 1));
        String clusterId;

        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dataDir, 0)) {
            clusterId = broker.clusterId();
            broker.createTopics(topics);
            broker.createTopics(topics); // idempotent
            try (KafkaProducer<String, String> producer =
                    transactionalProducer(broker.bootstrapServers())) {
                producer.initTransactions();
                sendInTransaction(producer, topic, List.of("one", "two", "three"));
            }
        }

        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dataDir, 0)) {
            assertThat(broker.clusterId()).isEqualTo(clusterId);
            assertThat(broker.dataDir()).isEqualTo(dataDir);
            broker.createTopics(topics); // still idempotent after restart
            try (KafkaConsumer<String, String> consumer =
                    consumer(broker.bootstrapServers(), null)) {
                TopicPartition partition = new TopicPartition(topic, 0);
                consumer.assign(List.of(partition));
                consumer.seekToBeginning(List.of(partition));
                assertThat(pollValues(consumer, 3)).containsExactly("one", "two", "three");
            }
        }
    }

    private static void sendInTransaction(
            KafkaProducer<String, String> producer, String topic, List<String> values) {
        producer.beginTransaction();
        values.forEach(value -> producer.send(new ProducerRecord<>(topic, "k", value)));
        producer.commitTransaction();
    }

    /** Polls until at least {@code expected} records arrived, then briefly for any extra. */
    private static List<String> pollValues(KafkaConsumer<String, String> consumer, int expected) {
        List<String> values = new ArrayList<>();
        await().atMost(DEADLINE)
                .pollInSameThread()
                .pollInterval(Duration.ZERO)
                .until(
                        () -> {
                            for (ConsumerRecord<String, String> record :
                                    consumer.poll(Duration.ofMillis(200))) {
                                values.add(record.value());
                            }
                            return values.size() >= expected;
                        });
        consumer.poll(Duration.ofMillis(200)).forEach(record -> values.add(record.value()));
        return values;
    }

    private static KafkaProducer<String, String> transactionalProducer(String bootstrapServers) {
        return new KafkaProducer<>(
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrapServers,
                        ProducerConfig.TRANSACTIONAL_ID_CONFIG,
                        "tx-" + UUID.randomUUID(),
                        ProducerConfig.MAX_BLOCK_MS_CONFIG,
                        (int) DEADLINE.toMillis()),
                new StringSerializer(),
                new StringSerializer());
    }

    private static KafkaConsumer<String, String> consumer(String bootstrapServers, String groupId) {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        if (groupId != null) {
            config.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        }
        return new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
    }
}
