package dev.pulse.access.apikeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.pulse.access.apikeys.ApiKeyStore.Created;
import dev.pulse.access.security.Role;
import dev.pulse.access.security.ScopeSpec;
import dev.pulse.streams.broker.SharedKafkaBroker;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SharedKafkaBroker.class)
class KafkaApiKeyStoreIT {
    private static final Duration DEADLINE = Duration.ofSeconds(30);

    private final List<KafkaApiKeyStore> stores = new ArrayList<>();
    private String topic;
    private KafkaApiKeyStore store;

    @BeforeEach
    void createTopic() {
        topic = "api-keys-" + UUID.randomUUID();
        KafkaApiKeyStore.ensureTopic(SharedKafkaBroker.connection(), topic);
        store = open();
    }

    @AfterEach
    void closeStores() {
        stores.forEach(KafkaApiKeyStore::close);
    }

    @Test
    void createShowsTheKeyOnceAndStoresOnlyAHashOfItsSecret() throws Exception {
        Created created = store.create("Looker", Role.ANALYST, ScopeSpec.ALL, null, "admin@x.test");

        assertThat(created.key()).matches("pk_[0-9a-f]{12}_[A-Za-z0-9_-]{43}");
        String id = created.key().substring(3, 15);
        String secret = created.key().substring(16);
        assertThat(created.apiKey().id()).isEqualTo(id);
        assertThat(created.apiKey().secretHash()).isEqualTo(sha256(secret));
        assertThat(created.apiKey().revoked()).isFalse();
        assertThat(store.list()).containsExactly(created.apiKey());
        assertThat(created.apiKey().toString()).doesNotContain(secret);

        String topicBytes = rawTopicContents(1);
        assertThat(topicBytes).contains(id).contains(sha256(secret));
        assertThat(topicBytes).doesNotContain(secret).doesNotContain(created.key());
    }

    @Test
    void authenticatesAValidKey() {
        Created created =
                store.create(
                        "Sarah's sheet",
                        Role.VIEWER,
                        ScopeSpec.OWN,
                        "Sarah@X.test",
                        "admin@x.test");

        assertThat(store.authenticate(created.key())).contains(created.apiKey());
        assertThat(created.apiKey().actsAs()).isEqualTo("sarah@x.test");
    }

    @Test
    void rejectsWrongSecretUnknownIdAndMalformedKeys() {
        Created created = store.create("Looker", Role.ANALYST, ScopeSpec.ALL, null, "admin");
        String key = created.key();
        String id = key.substring(3, 15);
        String secret = key.substring(16);
        String otherSecret = (secret.charAt(0) == 'A' ? "B" : "A") + secret.substring(1);

        assertThat(store.authenticate("pk_" + id + "_" + otherSecret)).isEmpty();
        assertThat(store.authenticate("pk_000000000000_" + secret)).isEmpty();
        for (String malformed :
                new String[] {
                    null,
                    "",
                    "pk_",
                    "Bearer " + key,
                    key + "x",
                    key.substring(0, key.length() - 1),
                    key.toUpperCase(),
                    "pk_" + id + "-" + secret,
                    "pk_" + id + "_" + secret.substring(0, 42) + "=",
                    " " + key
                }) {
            assertThat(store.authenticate(malformed)).as("%s", malformed).isEmpty();
        }
    }

    @Test
    void revokedKeyIsRejected() {
        Created created = store.create("Looker", Role.ANALYST, ScopeSpec.ALL, null, "admin");

        assertThat(store.revoke(created.apiKey().id(), "admin@x.test")).isTrue();

        assertThat(store.authenticate(created.key())).isEmpty();
        assertThat(store.list()).singleElement().satisfies(k -> assertThat(k.revoked()).isTrue());
        assertThat(store.revoke(created.apiKey().id(), "admin@x.test")).isTrue();
        assertThat(store.revoke("000000000000", "admin@x.test")).isFalse();
    }

    @Test
    void restartedStoreKnowsEarlierKeysAndRevocations() {
        Created kept = store.create("Looker", Role.ANALYST, ScopeSpec.ALL, null, "admin");
        Created revoked =
                store.create("Old script", Role.VIEWER, ScopeSpec.tenant("acme"), null, "admin");
        store.revoke(revoked.apiKey().id(), "admin");

        KafkaApiKeyStore restarted = open();

        assertThat(restarted.authenticate(kept.key())).contains(kept.apiKey());
        assertThat(restarted.authenticate(revoked.key())).isEmpty();
        assertThat(restarted.list())
                .extracting(ApiKey::id, ApiKey::revoked)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(kept.apiKey().id(), false),
                        org.assertj.core.groups.Tuple.tuple(revoked.apiKey().id(), true));
    }

    @Test
    void revocationOnOneInstanceReachesTheOthers() {
        KafkaApiKeyStore other = open();
        Created created = store.create("Looker", Role.ANALYST, ScopeSpec.ALL, null, "admin");
        await().atMost(DEADLINE).until(() -> other.authenticate(created.key()).isPresent());

        store.revoke(created.apiKey().id(), "admin");

        await().atMost(DEADLINE).until(() -> other.authenticate(created.key()).isEmpty());
    }

    @Test
    void rejectsKeysWhoseScopeCannotWork() {
        assertThatThrownBy(() -> store.create("x", Role.VIEWER, ScopeSpec.OWN, null, "admin"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("scope own is relative to a person");
        assertThatThrownBy(
                        () -> store.create("x", Role.CUSTOMER_ADMIN, ScopeSpec.ALL, null, "admin"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("exactly one tenant");
        assertThatThrownBy(() -> store.create(" ", Role.VIEWER, ScopeSpec.ALL, null, "admin"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private KafkaApiKeyStore open() {
        KafkaApiKeyStore opened = new KafkaApiKeyStore(SharedKafkaBroker.connection(), topic);
        stores.add(opened);
        opened.awaitLoaded(DEADLINE);
        return opened;
    }

    /** Every key, value and header byte on the topic, as Latin-1 text to search in. */
    private String rawTopicContents(int expectedRecords) {
        TopicPartition partition = new TopicPartition(topic, 0);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (KafkaConsumer<byte[], byte[]> consumer =
                new KafkaConsumer<>(
                        Map.of(
                                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                                SharedKafkaBroker.bootstrapServers()),
                        new ByteArrayDeserializer(),
                        new ByteArrayDeserializer())) {
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            int[] seen = {0};
            await().atMost(DEADLINE)
                    .pollInSameThread()
                    .until(
                            () -> {
                                for (ConsumerRecord<byte[], byte[]> r :
                                        consumer.poll(Duration.ofMillis(200))) {
                                    seen[0]++;
                                    bytes.writeBytes(r.key());
                                    bytes.writeBytes(r.value());
                                    for (Header h : r.headers()) {
                                        bytes.writeBytes(h.value());
                                    }
                                }
                                return seen[0] >= expectedRecords;
                            });
        }
        return bytes.toString(StandardCharsets.ISO_8859_1);
    }

    private static String sha256(String text) throws Exception {
        return HexFormat.of()
                .formatHex(
                        MessageDigest.getInstance("SHA-256")
                                .digest(text.getBytes(StandardCharsets.US_ASCII)));
    }
}
