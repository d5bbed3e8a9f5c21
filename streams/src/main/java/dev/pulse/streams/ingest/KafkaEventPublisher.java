package dev.pulse.streams.ingest;

import dev.pulse.streams.connection.KafkaConnection;
import dev.pulse.topologies.account.Account;
import dev.pulse.topologies.alert.AlertCommand;
import dev.pulse.topologies.followup.FollowUpCommand;
import dev.pulse.topologies.json.JsonSerde;
import dev.pulse.topologies.topic.PulseTopics;
import dev.pulse.topologies.topic.Topic;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Publishes with an idempotent, acks=all producer. The producer retries on its own until its
 * delivery timeout (two minutes), so a broker that blips does not lose accepted input; only a
 * failure that outlives that timeout reaches the caller.
 */
public final class KafkaEventPublisher implements EventPublisher, AutoCloseable {
    private static final JsonSerde<Account> ACCOUNT_JSON = JsonSerde.of(Account.class);
    private static final JsonSerde<AlertCommand> COMMAND_JSON = JsonSerde.of(AlertCommand.class);
    private static final JsonSerde<FollowUpCommand> FOLLOW_UP_JSON =
            JsonSerde.of(FollowUpCommand.class);
    private final Producer<String, byte[]> producer;

    /** For tests and tools on a plaintext broker. */
    public KafkaEventPublisher(String bootstrapServers) {
        this(KafkaConnection.to(bootstrapServers));
    }

    public KafkaEventPublisher(KafkaConnection kafka) {
        Map<String, Object> props = new HashMap<>();
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.LINGER_MS_CONFIG, 2);
        props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        // An ingest request brings thousands of events at once: with the default 16 KB a batch
        // held ~60 of them, and each new batch starts an LZ4 frame (buffers, a native checksum).
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        props.put(ProducerConfig.CLIENT_ID_CONFIG, "pulse-ingest");
        this.producer =
                new KafkaProducer<>(
                        kafka.clientConfig(props),
                        new StringSerializer(),
                        new ByteArraySerializer());
    }

    @Override
    public CompletableFuture<Void> publishEvent(String tenantId, long eventTimeMs, byte[] json) {
        return send(
                new ProducerRecord<>(
                        PulseTopics.USAGE_EVENTS.name(), null, eventTimeMs, tenantId, json));
    }

    @Override
    public CompletableFuture<Void> publishAccounts(List<Account> accounts) {
        List<CompletableFuture<Void>> sends = new ArrayList<>();
        for (Account account : accounts) {
            sends.add(
                    send(
                            new ProducerRecord<>(
                                    PulseTopics.ACCOUNTS.name(),
                                    account.tenantId(),
                                    ACCOUNT_JSON.toBytes(account))));
        }
        return CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new));
    }

    @Override
    public CompletableFuture<Void> publishAlertCommand(String tenantId, AlertCommand command) {
        return send(
                new ProducerRecord<>(
                        PulseTopics.ALERT_COMMANDS.name(),
                        tenantId,
                        COMMAND_JSON.toBytes(command)));
    }

    @Override
    public <V> CompletableFuture<Void> publish(Topic<String, V> topic, String key, V value) {
        byte[] bytes = topic.valueSerde().serializer().serialize(topic.name(), value);
        return send(new ProducerRecord<>(topic.name(), key, bytes));
    }

    @Override
    public CompletableFuture<Void> publishFollowUpCommand(
            String tenantId, FollowUpCommand command) {
        return send(
                new ProducerRecord<>(
                        PulseTopics.FOLLOW_UP_COMMANDS.name(),
                        tenantId,
                        FOLLOW_UP_JSON.toBytes(command)));
    }

    private CompletableFuture<Void> send(ProducerRecord<String, byte[]> record) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        try {
            producer.send(
                    record,
                    (metadata, error) -> {
                        if (error == null) {
                            done.complete(null);
                        } else {
                            done.completeExceptionally(error);
                        }
                    });
        } catch (RuntimeException e) {
            done.completeExceptionally(e);
        }
        return done;
    }

    @Override
    public void close() {
        producer.close();
    }
}
