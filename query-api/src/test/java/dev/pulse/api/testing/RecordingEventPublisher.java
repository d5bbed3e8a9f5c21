package dev.pulse.api.testing;

import dev.pulse.streams.ingest.EventPublisher;
import dev.pulse.topologies.account.Account;
import dev.pulse.topologies.alert.AlertCommand;
import dev.pulse.topologies.followup.FollowUpCommand;
import dev.pulse.topologies.topic.Topic;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/**
 * An {@link EventPublisher} that records what it is given and acknowledges asynchronously, like a
 * producer. It can be told to fail writes, all of them or those of some tenants, the way a broker
 * that does not acknowledge would.
 */
public final class RecordingEventPublisher implements EventPublisher {
    /** One event as handed to the publisher. */
    public record PublishedEvent(String tenantId, long eventTimeMs, byte[] json) {
        public String text() {
            return new String(json, StandardCharsets.UTF_8);
        }
    }

    private final List<PublishedEvent> events = new CopyOnWriteArrayList<>();
    private final List<List<Account>> accountBatches = new CopyOnWriteArrayList<>();
    private final List<AlertCommand> alertCommands = new CopyOnWriteArrayList<>();
    private final List<Object> records = new CopyOnWriteArrayList<>();
    private final List<FollowUpCommand> followUpCommands = new CopyOnWriteArrayList<>();
    private volatile Predicate<String> failTenant = tenant -> false;

    /** Writes of these tenants' events (and account batches holding them) fail. */
    public void failWhen(Predicate<String> tenant) {
        this.failTenant = tenant;
    }

    public void failAll() {
        failWhen(tenant -> true);
    }

    public void reset() {
        events.clear();
        accountBatches.clear();
        alertCommands.clear();
        records.clear();
        followUpCommands.clear();
        failTenant = tenant -> false;
    }

    public List<PublishedEvent> events() {
        return List.copyOf(events);
    }

    public List<List<Account>> accountBatches() {
        return List.copyOf(accountBatches);
    }

    public List<AlertCommand> alertCommands() {
        return List.copyOf(alertCommands);
    }

    /** Values given to {@link #publish}, in order. */
    public List<Object> records() {
        return List.copyOf(records);
    }

    @Override
    public <V> CompletableFuture<Void> publish(Topic<String, V> topic, String key, V value) {
        return CompletableFuture.runAsync(() -> records.add(value));
    }

    @Override
    public CompletableFuture<Void> publishAlertCommand(String tenantId, AlertCommand command) {
        if (failTenant.test(tenantId)) {
            return CompletableFuture.failedFuture(
                    new IllegalStateException("broker did not acknowledge (test)"));
        }
        return CompletableFuture.runAsync(() -> alertCommands.add(command));
    }

    public List<FollowUpCommand> followUpCommands() {
        return List.copyOf(followUpCommands);
    }

    @Override
    public CompletableFuture<Void> publishFollowUpCommand(
            String tenantId, FollowUpCommand command) {
        if (failTenant.test(tenantId)) {
            return CompletableFuture.failedFuture(
                    new IllegalStateException("broker did not acknowledge (test)"));
        }
        return CompletableFuture.runAsync(() -> followUpCommands.add(command));
    }

    @Override
    public CompletableFuture<Void> publishEvent(String tenantId, long eventTimeMs, byte[] json) {
        if (failTenant.test(tenantId)) {
            return CompletableFuture.failedFuture(
                    new IllegalStateException("broker did not acknowledge (test)"));
        }
        return CompletableFuture.runAsync(
                () -> events.add(new PublishedEvent(tenantId, eventTimeMs, json.clone())));
    }

    @Override
    public CompletableFuture<Void> publishAccounts(List<Account> accounts) {
        if (accounts.stream().map(Account::tenantId).anyMatch(failTenant)) {
            return CompletableFuture.supplyAsync(
                    () -> {
                        throw new IllegalStateException("broker did not acknowledge (test)");
                    });
        }
        return CompletableFuture.runAsync(() -> accountBatches.add(List.copyOf(accounts)));
    }
}
