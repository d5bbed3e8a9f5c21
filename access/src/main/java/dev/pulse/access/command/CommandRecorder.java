package dev.pulse.access.command;

import dev.pulse.streams.ingest.EventPublisher;
import dev.pulse.streams.read.StateUnavailableException;
import dev.pulse.topologies.alert.AlertCommand;
import dev.pulse.topologies.followup.FollowUpCommand;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Publishes a command and waits for the broker's acknowledgement, so "accepted" means recorded. A
 * broker that does not acknowledge in time is a {@link StateUnavailableException}: the caller is
 * told to retry (503 with Retry-After, or a chat answer), nothing is half-done.
 */
public final class CommandRecorder {
    private static final Duration DEADLINE = Duration.ofSeconds(10);
    private static final Duration RETRY_AFTER = Duration.ofSeconds(2);

    private final EventPublisher publisher;

    public CommandRecorder(EventPublisher publisher) {
        this.publisher = publisher;
    }

    public void record(String tenantId, AlertCommand command) {
        await(publisher.publishAlertCommand(tenantId, command), "the command");
    }

    public void record(String tenantId, FollowUpCommand command) {
        await(publisher.publishFollowUpCommand(tenantId, command), "the follow-up");
    }

    private static void await(CompletableFuture<Void> sent, String what) {
        try {
            sent.get(DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StateUnavailableException(
                    what + " could not be recorded; retry", RETRY_AFTER, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new StateUnavailableException(
                    what + " could not be recorded; retry", RETRY_AFTER, e);
        }
    }
}
