package dev.pulse.access.apikeys;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.pulse.access.security.Role;
import dev.pulse.access.security.ScopeSpec;
import dev.pulse.streams.connection.KafkaConnection;
import dev.pulse.streams.follow.CompactedTopicWriter;
import dev.pulse.streams.follow.TopicFollower;
import dev.pulse.streams.runtime.KafkaTopics;
import dev.pulse.streams.runtime.PulseTopicsAdmin;
import dev.pulse.topologies.json.PulseJson;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.TopicConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * API keys kept on a compacted Kafka topic (key: key id, value: the {@link ApiKey} JSON, which
 * holds only the hash of the secret), so every Pulse instance knows every key and revocation.
 *
 * <p>Each instance holds all keys in memory, kept current by a background reader of the topic;
 * {@link #authenticate} never touches Kafka. Writes wait for the broker's ack and then update the
 * local copy at once, so the admin who created or revoked a key sees it take effect on this
 * instance immediately; other instances follow within a poll.
 */
public final class KafkaApiKeyStore implements ApiKeyStore, AutoCloseable {
    public static final String TOPIC = "pulse.api-keys.v1";

    private static final Logger LOG = LoggerFactory.getLogger(KafkaApiKeyStore.class);
    private static final Duration ADMIN_TIMEOUT = Duration.ofSeconds(30);

    private final String topic;
    private final SecureRandom random = new SecureRandom();
    private final ApiKeyTable table = new ApiKeyTable();
    private final CompactedTopicWriter writer;
    private final TopicFollower follower;

    /** A store on {@link #TOPIC}; starts reading it at once. */
    public KafkaApiKeyStore(KafkaConnection kafka) {
        this(kafka, TOPIC);
    }

    public KafkaApiKeyStore(KafkaConnection kafka, String topic) {
        this.topic = Objects.requireNonNull(topic, "topic");
        this.writer = new CompactedTopicWriter(kafka, topic, "pulse-api-keys", "API key");
        this.follower =
                new TopicFollower(
                        kafka,
                        topic,
                        TopicFollower.Start.BEGINNING,
                        "pulse-api-keys",
                        new ApiKeyRecords(topic, table));
        follower.start();
    }

    /** Creates {@link #TOPIC} (compacted, one partition) if it is missing. */
    public static void ensureTopic(KafkaConnection kafka) {
        ensureTopic(kafka, TOPIC);
    }

    public static void ensureTopic(KafkaConnection kafka, String topic) {
        NewTopic newTopic =
                PulseTopicsAdmin.topic(topic, 1)
                        .configs(
                                Map.of(
                                        TopicConfig.CLEANUP_POLICY_CONFIG,
                                        TopicConfig.CLEANUP_POLICY_COMPACT));
        KafkaTopics.ensure(kafka, List.of(newTopic), ADMIN_TIMEOUT);
    }

    /**
     * Blocks until every key written before this store started is known, so that keys created
     * before a restart authenticate from the first request.
     *
     * @throws IllegalStateException when that takes longer than {@code timeout}
     */
    public void awaitLoaded(Duration timeout) {
        try {
            if (!follower.awaitCaughtUp(timeout)) {
                throw new IllegalStateException(
                        "API keys were not loaded from " + topic + " within " + timeout);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while loading API keys", e);
        }
    }

    @Override
    public Created create(
            String name, Role role, ScopeSpec scope, String actsAs, String createdBy) {
        String owner = actsAs == null ? null : actsAs.strip().toLowerCase(Locale.ROOT);
        validate(name, role, scope, owner);
        String id;
        do {
            id = ApiKeyFormat.newId(random);
        } while (table.contains(id));
        String secret = ApiKeyFormat.newSecret(random);
        ApiKey key =
                new ApiKey(
                        id,
                        name.strip(),
                        ApiKeyFormat.hash(secret),
                        role,
                        scope,
                        owner,
                        now(),
                        createdBy,
                        null);
        write(key, null);
        LOG.info(
                "API key {} '{}' ({} {}) created by {}",
                id,
                key.name(),
                role.label(),
                scope,
                createdBy);
        return new Created(key, ApiKeyFormat.format(id, secret));
    }

    @Override
    public Optional<ApiKey> authenticate(String presentedKey) {
        Optional<ApiKeyFormat.Parsed> parsed = ApiKeyFormat.parse(presentedKey);
        if (parsed.isEmpty()) {
            return Optional.empty();
        }
        // The id is public, so looking it up first leaks nothing; the secret is compared in
        // constant time.
        Optional<ApiKey> stored = table.get(parsed.get().id()).filter(k -> !k.revoked());
        if (stored.isEmpty()) {
            return Optional.empty();
        }
        byte[] expected = stored.get().secretHash().getBytes(StandardCharsets.US_ASCII);
        byte[] presented =
                ApiKeyFormat.hash(parsed.get().secret()).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, presented) ? stored : Optional.empty();
    }

    @Override
    public boolean revoke(String id, String revokedBy) {
        Optional<ApiKey> current = table.get(id);
        if (current.isEmpty()) {
            return false;
        }
        ApiKey key = current.get();
        if (!key.revoked()) {
            write(
                    new ApiKey(
                            key.id(),
                            key.name(),
                            key.secretHash(),
                            key.role(),
                            key.scope(),
                            key.actsAs(),
                            key.createdAt(),
                            key.createdBy(),
                            now()),
                    revokedBy);
            LOG.info("API key {} '{}' revoked by {}", id, key.name(), revokedBy);
        }
        return true;
    }

    @Override
    public List<ApiKey> list() {
        return table.all();
    }

    /** Stops the background reader and the producer. */
    @Override
    public void close() {
        follower.close();
        writer.close();
    }

    /** Writes, waits for the ack, then applies locally: read-your-writes on this instance. */
    private void write(ApiKey key, String revokedBy) {
        ProducerRecord<String, byte[]> record =
                new ProducerRecord<>(topic, key.id(), serialize(key));
        if (revokedBy != null) {
            // ApiKey has no revokedBy field; the header keeps who did it on the topic.
            record.headers().add("revoked-by", revokedBy.getBytes(StandardCharsets.UTF_8));
        }
        table.apply(writer.write(record), key.id(), key);
    }

    private static void validate(String name, Role role, ScopeSpec scope, String actsAs) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("an API key needs a name saying what uses it");
        }
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(scope, "scope");
        boolean relative =
                scope.kind() == ScopeSpec.Kind.OWN || scope.kind() == ScopeSpec.Kind.TEAM;
        if (relative && (actsAs == null || actsAs.isEmpty())) {
            throw new IllegalArgumentException(
                    "scope " + scope + " is relative to a person: give the e-mail it acts as");
        }
        if (role == Role.CUSTOMER_ADMIN && scope.kind() != ScopeSpec.Kind.TENANT) {
            throw new IllegalArgumentException(
                    "a customer-admin key sees exactly one tenant: use scope tenant:<id>");
        }
    }

    private static byte[] serialize(ApiKey key) {
        try {
            return PulseJson.mapper().writeValueAsBytes(key);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an API key is always serializable", e);
        }
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }
}
