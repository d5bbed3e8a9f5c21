package dev.pulse.streams.ingest;

import dev.pulse.topologies.account.Account;
import dev.pulse.topologies.alert.AlertCommand;
import dev.pulse.topologies.followup.FollowUpCommand;
import dev.pulse.topologies.topic.Topic;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Writes accepted input to Kafka. A future completes once the broker has acknowledged the record
 * (acks=all, idempotent producer), so an API that answers "accepted" has not lost anything.
 */
public interface EventPublisher {
    /** Publishes one usage event: key = tenant id, value = the event's JSON as received. */
    CompletableFuture<Void> publishEvent(String tenantId, long eventTimeMs, byte[] json);

    /** Upserts accounts into the compacted accounts topic. */
    CompletableFuture<Void> publishAccounts(List<Account> accounts);

    /** Publishes a person's action on an alert: key = the alert's tenant id, value = JSON. */
    CompletableFuture<Void> publishAlertCommand(String tenantId, AlertCommand command);

    /**
     * Publishes one record to any of Pulse's string-keyed topics with the topic's own serde (the
     * notifier's preferences and read marks, for instance).
     */
    <V> CompletableFuture<Void> publish(Topic<String, V> topic, String key, V value);

    /** Publishes a person's change to a follow-up: key = the account's tenant id, value = JSON. */
    CompletableFuture<Void> publishFollowUpCommand(String tenantId, FollowUpCommand command);
}
