package dev.pulse.warehouse.source;

import dev.pulse.streams.connection.KafkaConnection;
import dev.pulse.streams.follow.CompactedTopicWriter;
import dev.pulse.streams.follow.LatestByKey;
import dev.pulse.streams.follow.TopicFollower;
import dev.pulse.topologies.account.Account;
import dev.pulse.topologies.json.JsonSerde;
import dev.pulse.topologies.topic.PulseTopics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The account directory as Pulse holds it: {@code pulse.accounts.v1} followed from its beginning,
 * and written to with read-your-writes (each acknowledged record applied at once with its offset).
 * The directory source compares the warehouse's rows with it, so a restart neither publishes every
 * account again nor forgets which accounts it published (their {@code origin} says so).
 */
final class PulseAccounts implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PulseAccounts.class);
    private static final JsonSerde<Account> JSON = JsonSerde.of(Account.class);

    private final LatestByKey<Account> accounts = new LatestByKey<>();
    private final TopicFollower follower;
    private final CompactedTopicWriter writer;

    PulseAccounts(KafkaConnection kafka) {
        writer =
                new CompactedTopicWriter(
                        kafka, PulseTopics.ACCOUNTS.name(), "pulse-warehouse-directory", "account");
        follower =
                new TopicFollower(
                        kafka,
                        PulseTopics.ACCOUNTS.name(),
                        TopicFollower.Start.BEGINNING,
                        "pulse-warehouse-directory",
                        (offset, key, value) -> accounts.apply(offset, key, decode(key, value)));
        follower.start();
    }

    /** Whether the records present at start have been read; false after {@code timeout}. */
    boolean awaitLoaded(Duration timeout) throws InterruptedException {
        return follower.awaitCaughtUp(timeout);
    }

    Optional<Account> get(String tenantId) {
        return accounts.get(tenantId);
    }

    List<Account> all() {
        return accounts.values();
    }

    /**
     * Publishes {@code changed} and removes {@code removed} (tombstones); returns once the broker
     * acknowledged every record, after which {@link #get} and {@link #all} show them.
     */
    void write(List<Account> changed, List<String> removed, Duration timeout)
            throws InterruptedException, ExecutionException, TimeoutException {
        List<CompletableFuture<Void>> acks = new ArrayList<>();
        for (Account account : changed) {
            acks.add(apply(account.tenantId(), account, JSON.toBytes(account)));
        }
        for (String tenantId : removed) {
            acks.add(apply(tenantId, null, null));
        }
        CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new))
                .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    private CompletableFuture<Void> apply(String tenantId, Account account, byte[] json) {
        return writer.send(tenantId, json)
                .thenAccept(offset -> accounts.apply(offset, tenantId, account));
    }

    /**
     * An unreadable record counts as an account nobody keeps: never equal to a row, never removed.
     */
    private static Account decode(String key, byte[] value) {
        if (value == null) {
            return null;
        }
        try {
            return JSON.fromBytes(value);
        } catch (RuntimeException e) {
            LOG.warn(
                    "Unreadable account {} on {}; a directory row of that tenant replaces it",
                    key,
                    PulseTopics.ACCOUNTS.name(),
                    e);
            return new Account(key, null, null, null, null, null, null, null, null);
        }
    }

    @Override
    public void close() {
        follower.close();
        writer.close();
    }
}
