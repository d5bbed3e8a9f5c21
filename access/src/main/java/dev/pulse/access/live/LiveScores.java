package dev.pulse.access.live;

import dev.pulse.access.security.AccessScope;
import dev.pulse.streams.connection.KafkaConnection;
import dev.pulse.streams.follow.TopicFollower;
import dev.pulse.topologies.health.HealthScore;
import dev.pulse.topologies.topic.PulseTopics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.apache.kafka.common.serialization.Deserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fans new scores out to subscribers (open dashboards). Scores change with every event, so they are
 * coalesced: each {@code every}, a subscriber gets the newest score of each account that changed
 * and that its scope allows, at most once per account. While nobody watches, records are dropped
 * unread.
 *
 * <p>Each delivery asks the subscriber's scope afresh, so an ownership change counts from the next
 * delivery, as it does from the next request.
 */
public final class LiveScores implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LiveScores.class);

    private final Map<String, byte[]> changed = new ConcurrentHashMap<>();
    private final List<Subscription> subscriptions = new CopyOnWriteArrayList<>();
    private final Deserializer<HealthScore> scores =
            PulseTopics.HEALTH_SCORES.valueSerde().deserializer();
    private final ScheduledExecutorService flusher;
    private TopicFollower follower;

    /** Scores offered through {@link #offer}; delivered every {@code every}. */
    public LiveScores(Duration every) {
        flusher =
                Executors.newSingleThreadScheduledExecutor(
                        r -> {
                            Thread t = new Thread(r, "pulse-live-scores");
                            t.setDaemon(true);
                            return t;
                        });
        long millis = every.toMillis();
        flusher.scheduleWithFixedDelay(this::deliver, millis, millis, TimeUnit.MILLISECONDS);
    }

    /** Scores as the pipeline publishes them, from the moment this starts. */
    public static LiveScores following(KafkaConnection kafka, Duration every) {
        LiveScores live = new LiveScores(every);
        live.follower =
                new TopicFollower(
                        kafka,
                        PulseTopics.HEALTH_SCORES.name(),
                        TopicFollower.Start.END,
                        "pulse-live-scores",
                        (offset, tenant, value) -> live.offer(tenant, value));
        live.follower.start();
        return live;
    }

    /** A new score of {@code tenant}, as the scores topic holds it. */
    public void offer(String tenant, byte[] score) {
        if (score != null && !subscriptions.isEmpty()) {
            changed.put(tenant, score);
        }
    }

    /**
     * Calls {@code listener} with each batch of new scores that {@code scope} allows, on a
     * background thread; closing the returned handle stops it.
     */
    public AutoCloseable subscribe(
            Supplier<AccessScope> scope, Consumer<List<HealthScore>> listener) {
        Subscription subscription =
                new Subscription(
                        Objects.requireNonNull(scope, "scope"),
                        Objects.requireNonNull(listener, "listener"));
        subscriptions.add(subscription);
        return () -> subscriptions.remove(subscription);
    }

    public int subscriberCount() {
        return subscriptions.size();
    }

    @Override
    public void close() {
        if (follower != null) {
            follower.close();
        }
        flusher.shutdownNow();
    }

    private void deliver() {
        if (changed.isEmpty()) {
            return;
        }
        List<HealthScore> batch = new ArrayList<>();
        for (String tenant : List.copyOf(changed.keySet())) {
            byte[] value = changed.remove(tenant);
            HealthScore score = decode(tenant, value);
            if (score != null) {
                batch.add(score);
            }
        }
        for (Subscription subscription : subscriptions) {
            try {
                AccessScope scope = subscription.scope().get();
                List<HealthScore> visible =
                        batch.stream().filter(s -> scope.allowsTenant(s.tenantId())).toList();
                if (!visible.isEmpty()) {
                    subscription.listener().accept(visible);
                }
            } catch (RuntimeException e) {
                // One broken page must not stop the updates of everyone else.
                LOG.warn("Live score subscriber failed: {}", e.toString());
            }
        }
    }

    private HealthScore decode(String tenant, byte[] value) {
        if (value == null) {
            return null;
        }
        try {
            return scores.deserialize(PulseTopics.HEALTH_SCORES.name(), value);
        } catch (RuntimeException e) {
            LOG.warn("Unreadable score of {} skipped: {}", tenant, e.toString());
            return null;
        }
    }

    private record Subscription(
            Supplier<AccessScope> scope, Consumer<List<HealthScore>> listener) {}
}
