package dev.pulse.notify.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.pulse.bot.slack.SlackTestAccess;
import dev.pulse.notify.model.Delivery;
import dev.pulse.notify.model.OutboxEntry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The Slack channel run by the notifier's own {@link ChannelWorkers}, as {@link OutboxProcessor}
 * runs it: a 429 comes back as a failed outcome carrying Slack's Retry-After, the entry waits that
 * long (the processor's rule: {@code retryAfter} before backoff), and the next attempt posts the
 * message exactly once. Lives in the notifier's package because handing a delivery to a worker is
 * package-private.
 */
class SlackThroughChannelWorkersTest {

    @Test
    void rateLimitedAlertIsDeliveredOnceAfterSlacksRetryAfter() throws Exception {
        try (SlackTestAccess slack = SlackTestAccess.start();
                ChannelWorkers workers =
                        new ChannelWorkers(List.of(slack.alertChannel()), 8, Clock.systemUTC())) {
            slack.rateLimitPosts(1, 2);
            Delivery first = slack.alertDelivery("d-429");
            BlockingQueue<DeliveryOutcome> outcomes = new LinkedBlockingQueue<>();

            assertThat(workers.submit(first, outcomes::add)).isTrue();
            DeliveryOutcome failed = outcomes.poll(10, TimeUnit.SECONDS);

            assertThat(failed).isNotNull();
            assertThat(failed.delivered()).isFalse();
            assertThat(failed.failure().permanent()).isFalse();
            assertThat(failed.failure().retryAfter()).contains(Duration.ofSeconds(2));
            Instant retryAt = failed.finishedAt().plus(failed.failure().retryAfter().get());
            List<OutboxEntry> waiting =
                    first.entries().stream()
                            .map(e -> e.failed(retryAt, failed.failure().getMessage()))
                            .toList();
            Delivery second = new Delivery(first.id(), first.channel(), first.recipient(), waiting);
            assertThat(second.attempt()).isEqualTo(2);

            await().atMost(Duration.ofSeconds(5)).until(() -> waiting.get(0).dueAt(Instant.now()));
            assertThat(workers.submit(second, outcomes::add)).isTrue();
            DeliveryOutcome delivered = outcomes.poll(10, TimeUnit.SECONDS);

            assertThat(delivered).isNotNull();
            assertThat(delivered.delivered()).isTrue();
            assertThat(slack.postAttempts()).as("attempts").isEqualTo(2);
            assertThat(slack.directMessagesDelivered()).isEqualTo(1);
            assertThat(slack.postAttempts()).isEqualTo(2);
        }
    }
}
