package dev.pulse.access.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.pulse.streams.broker.SharedKafkaBroker;
import dev.pulse.topologies.json.PulseJson;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SharedKafkaBroker.class)
class KafkaAuditLogIT {
    private static final int ENTRIES = 25;

    /** Entries carry the time of the access, close to the broker's append time as in life. */
    private final Instant base = Instant.now();

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private String topic;
    private AuditReader reader;

    @BeforeEach
    void createTopic() {
        topic = "audit-" + UUID.randomUUID();
        AuditTopic.ensure(SharedKafkaBroker.connection(), topic, Duration.ofDays(731));
        reader = new AuditReader(SharedKafkaBroker.connection(), topic);
    }

    @Test
    void appendedEntriesReadBackAsAnIntactChain() {
        String chain = appendEntries(ENTRIES);

        List<AuditRecord> records = reader.query(AuditQuery.latest(100));

        assertThat(records).hasSize(ENTRIES);
        assertThat(records.get(0).seq()).isEqualTo(ENTRIES - 1);
        assertThat(records.get(ENTRIES - 1).entry()).isEqualTo(entry(0));
        assertThat(records).allSatisfy(r -> assertThat(r.chain()).isEqualTo(chain));
        assertThat(reader.verify()).isEqualTo(new ChainReport(true, ENTRIES, 1, null));
        assertThat(meters.counter("pulse.audit.records").count()).isEqualTo(ENTRIES);
        assertThat(meters.counter("pulse.audit.append.failures").count()).isZero();
    }

    @Test
    void queryFiltersBySubjectTenantOutcomeTimeAndLimit() {
        appendEntries(ENTRIES);

        assertThat(seqs(new AuditQuery(null, null, "SARAH.chen@demo.pulse.dev", null, null, 100)))
                .containsExactly(24L, 21L, 18L, 15L, 12L, 9L, 6L, 3L, 0L);
        assertThat(seqs(new AuditQuery(null, null, null, "acme-7", null, 100))).containsExactly(7L);
        assertThat(seqs(new AuditQuery(null, null, null, null, false, 100)))
                .containsExactly(24L, 19L, 14L, 9L, 4L);
        assertThat(
                        seqs(
                                new AuditQuery(
                                        base.plusSeconds(10),
                                        base.plusSeconds(15),
                                        null,
                                        null,
                                        null,
                                        100)))
                .containsExactly(14L, 13L, 12L, 11L, 10L);
        assertThat(seqs(new AuditQuery(null, null, "tom.becker@demo.pulse.dev", null, true, 3)))
                .containsExactly(23L, 22L, 20L);
        assertThat(seqs(AuditQuery.latest(3))).containsExactly(24L, 23L, 22L);
    }

    @Test
    void twoWritersKeepTwoIntactChains() {
        try (KafkaAuditLog first = log("first");
                KafkaAuditLog second = log("second")) {
            for (int i = 0; i < 10; i++) {
                (i % 2 == 0 ? first : second).append(entry(i));
            }
        }

        assertThat(reader.verify()).isEqualTo(new ChainReport(true, 10, 2, null));
    }

    @Test
    void entriesFromManyRequestThreadsFormOneIntactChain() throws Exception {
        int threads = 4;
        int each = 500;
        try (KafkaAuditLog log = log("concurrent")) {
            ExecutorService requests = Executors.newFixedThreadPool(threads);
            try {
                List<Future<?>> done = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    int first = t * each;
                    done.add(
                            requests.submit(
                                    () -> {
                                        for (int i = first; i < first + each; i++) {
                                            log.append(entry(i));
                                        }
                                    }));
                }
                for (Future<?> f : done) {
                    f.get(30, TimeUnit.SECONDS);
                }
            } finally {
                requests.shutdown();
            }

            log.flush();

            // Acknowledged by the time flush returns, before close.
            assertThat(meters.counter("pulse.audit.records").count()).isEqualTo(threads * each);
            assertThat(meters.get("pulse.audit.queue").gauge().value()).isZero();
        }
        assertThat(reader.verify()).isEqualTo(new ChainReport(true, threads * each, 1, null));
    }

    @Test
    void newLogStartsANewChainEachTime() {
        try (KafkaAuditLog a = new KafkaAuditLog(SharedKafkaBroker.connection(), meters);
                KafkaAuditLog b = new KafkaAuditLog(SharedKafkaBroker.connection(), meters)) {
            assertThat(a.chainId()).isNotEqualTo(b.chainId());
        }
    }

    @Test
    void verifyFindsAModifiedCopyProducedIntoTheTopic() throws Exception {
        String chain = appendEntries(5);
        AuditRecord original =
                reader.query(new AuditQuery(null, null, null, "acme-2", null, 1)).get(0);
        AuditEntry e = original.entry();
        AuditRecord tampered =
                new AuditRecord(
                        original.chain(),
                        original.seq(),
                        original.prevHash(),
                        original.hash(),
                        new AuditEntry(
                                e.at(),
                                e.subject(),
                                e.role(),
                                e.method(),
                                e.action(),
                                List.of("someone-else"),
                                e.allowed(),
                                e.status(),
                                e.remote(),
                                e.requestId(),
                                e.detail()));

        produce(chain, PulseJson.mapper().writeValueAsBytes(tampered));

        ChainReport report = reader.verify();
        assertThat(report.intact()).isFalse();
        assertThat(report.firstBrokenLink())
                .isEqualTo(
                        "chain "
                                + chain
                                + " seq 2 at offset 5: content modified (its hash does"
                                + " not match its fields)");
    }

    @Test
    void verifyFindsARecordReplayedIntoTheTopic() throws Exception {
        String chain = appendEntries(5);
        AuditRecord copy = reader.query(new AuditQuery(null, null, null, "acme-1", null, 1)).get(0);

        produce(chain, PulseJson.mapper().writeValueAsBytes(copy));

        assertThat(reader.verify().firstBrokenLink())
                .isEqualTo(
                        "chain "
                                + chain
                                + " seq 1 at offset 5: reordered: seq goes backwards"
                                + " after seq 4 (offset 4)");
    }

    @Test
    void verifyFindsAForgedRecordThatIsNotAnAuditRecord() {
        appendEntries(3);

        produce("forger", "{\"hello\":\"world\"}".getBytes(StandardCharsets.UTF_8));

        assertThat(reader.verify().firstBrokenLink())
                .isEqualTo(
                        "offset 3: audit record without chain, prevHash, hash or entry"
                                + " (corrupted or forged)");
    }

    @Test
    void topicIsOnePartitionDeletedAfterRetentionAndStampedByTheBroker() throws Exception {
        try (Admin admin =
                Admin.create(
                        Map.of(
                                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                                SharedKafkaBroker.bootstrapServers()))) {
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
            Config config =
                    admin.describeConfigs(List.of(resource))
                            .all()
                            .get(30, TimeUnit.SECONDS)
                            .get(resource);
            assertThat(config.get("cleanup.policy").value()).isEqualTo("delete");
            assertThat(config.get("message.timestamp.type").value()).isEqualTo("LogAppendTime");
            assertThat(config.get("retention.ms").value())
                    .isEqualTo(String.valueOf(Duration.ofDays(731).toMillis()));
            assertThat(
                            admin.describeTopics(List.of(topic))
                                    .allTopicNames()
                                    .get(30, TimeUnit.SECONDS)
                                    .get(topic)
                                    .partitions())
                    .hasSize(1);
        }
    }

    @Test
    void appendThatCannotBeWrittenIsCountedNotThrown() {
        KafkaAuditLog log = log("closed");
        log.close();

        log.append(entry(0));

        assertThat(meters.counter("pulse.audit.append.failures").count()).isEqualTo(1);
    }

    @Test
    void appendToAMissingTopicFailsInTheBackgroundAndIsCounted() {
        try (KafkaAuditLog log =
                new KafkaAuditLog(
                        SharedKafkaBroker.connection(),
                        "missing-" + UUID.randomUUID(),
                        "c",
                        meters)) {
            log.append(entry(0));
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> meters.counter("pulse.audit.append.failures").count() == 1);
        }
    }

    private String appendEntries(int count) {
        try (KafkaAuditLog log = log("chain-" + UUID.randomUUID())) {
            for (int i = 0; i < count; i++) {
                log.append(entry(i));
            }
            return log.chainId();
        }
    }

    private AuditEntry entry(int i) {
        return AuditEntries.entry(base, i);
    }

    private KafkaAuditLog log(String chain) {
        return new KafkaAuditLog(SharedKafkaBroker.connection(), topic, chain, meters);
    }

    private List<Long> seqs(AuditQuery query) {
        return reader.query(query).stream().map(AuditRecord::seq).toList();
    }

    private void produce(String key, byte[] value) {
        try (KafkaProducer<String, byte[]> producer =
                new KafkaProducer<>(
                        Map.of(
                                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                                SharedKafkaBroker.bootstrapServers()),
                        new StringSerializer(),
                        new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(topic, key, value));
        }
    }
}
