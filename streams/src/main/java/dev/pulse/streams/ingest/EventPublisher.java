package dev.pulse.streams.ingest;

import dev.pulse.topologies.account.Account;
import dev.pulse.topologies.alert.AlertCommand;
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
}
