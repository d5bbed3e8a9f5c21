package dev.pulse.notify.outbox;

import dev.pulse.notify.NotifierListener;
import dev.pulse.notify.NotifierStores;
import dev.pulse.notify.model.Delivery;
import dev.pulse.notify.model.Notification;
import dev.pulse.notify.model.NotificationPreferences;
import dev.pulse.notify.model.OutboxEntry;
import dev.pulse.topologies.state.ChangelogOffsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The outbox: one entry per notification per push channel, kept in a changelogged store until the
 * channel confirms. Keyed by recipient, so a person's digest is assembled in one task.
 *
 * <p>A wall-clock punctuator hands due entries to {@link ChannelWorkers} (never blocking the stream
 * thread) and, on the next tick, applies what came back: delivered entries leave the store, failed
 * ones wait for their backoff. An entry handed over but not yet settled when the task moves or the
 * process dies is sent again by whoever owns it next: at-least-once, with the delivery id as the
 * receiver's dedup key. Notification ids seen before are dropped on arrival, so reprocessing an
 * alert change sends nothing twice.
 */
public final class OutboxProcessor implements Processor<String, Notification, Void, Void> {
    /**
     * Longer than the longest gap between two runs of a monthly report schedule (31 days, plus a
     * daylight-saving hour), so a run fired again after a restart is still recognised.
     */
    private static final Duration REMEMBER_IDS = Duration.ofDays(35);

    private final ChannelWorkers workers;
    private final RetryPolicy retry;
    private final Duration tick;
    private final Function<String, NotificationPreferences> defaults;
    private final NotifierListener listener;
    private final Queue<DeliveryOutcome> outcomes = new ConcurrentLinkedQueue<>();
    private final Set<String> inFlight = new HashSet<>();
    private ProcessorContext<Void, Void> context;
    private KeyValueStore<String, OutboxEntry> outbox;
    private KeyValueStore<String, Long> seenIds;
    private KeyValueStore<String, ?> preferences;
    private long lastPurge;
    private volatile boolean open;

    /**
     * @param defaults the preferences of a person who has saved none
     */
    public OutboxProcessor(
            ChannelWorkers workers,
            RetryPolicy retry,
            Duration tick,
            Function<String, NotificationPreferences> defaults,
            NotifierListener listener) {
        this.workers = workers;
        this.retry = retry;
        this.tick = tick;
        this.defaults = defaults;
        this.listener = listener;
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        this.context = context;
        this.outbox = context.getStateStore(NotifierStores.OUTBOX);
        this.seenIds = context.getStateStore(NotifierStores.NOTIFICATION_IDS);
        this.preferences = context.getStateStore(NotifierStores.PREFERENCES);
        // Both are written rarely.
        new ChangelogOffsets(context).keyValue(outbox).keyValue(seenIds).ensure();
        open = true;
        context.schedule(tick, PunctuationType.WALL_CLOCK_TIME, this::dispatch);
    }

    @Override
    public void process(Record<String, Notification> record) {
        Notification notification = record.value();
        if (notification == null || notification.read() || notification.channels().isEmpty()) {
            return;
        }
        if (seenIds.get(notification.id()) != null) {
            listener.onDuplicateSuppressed();
            return;
        }
        seenIds.put(notification.id(), notification.createdAt().toEpochMilli());
        Instant now = Instant.ofEpochMilli(context.currentSystemTimeMs());
        NotificationPreferences prefs = preferencesOf(notification.recipient());
        // A scheduled report is sent at the time its owner chose, alone: no quiet hours, no digest.
        boolean report = notification.report() != null;
        Instant notBefore = report ? now : DeliverySchedule.notBefore(prefs, now);
        for (String channel : notification.channels()) {
            OutboxEntry entry =
                    new OutboxEntry(
                            OutboxEntry.key(notification, channel),
                            channel,
                            notification,
                            notBefore,
                            !report && prefs.digest(),
                            0,
                            notBefore,
                            null);
            outbox.put(entry.key(), entry);
        }
    }

    private NotificationPreferences preferencesOf(String user) {
        return NotifierStores.preferences(preferences, user).orElseGet(() -> defaults.apply(user));
    }

    private void dispatch(long wallClockMs) {
        Instant now = Instant.ofEpochMilli(wallClockMs);
        settle(now);
        Map<String, Integer> waiting = new HashMap<>();
        Map<String, List<OutboxEntry>> digests = new LinkedHashMap<>();
        List<OutboxEntry> due = new ArrayList<>();
        List<OutboxEntry> unavailable = new ArrayList<>();
        try (KeyValueIterator<String, OutboxEntry> it = outbox.all()) {
            while (it.hasNext()) {
                KeyValue<String, OutboxEntry> kv = it.next();
                OutboxEntry entry = kv.value;
                if (entry == null) {
                    continue;
                }
                waiting.merge(entry.channel(), 1, Integer::sum);
                if (inFlight.contains(entry.key()) || !entry.dueAt(now)) {
                    continue;
                }
                if (!workers.has(entry.channel())) {
                    unavailable.add(entry);
                } else if (entry.digest()) {
                    digests.computeIfAbsent(
                                    entry.notification().recipient() + "|" + entry.channel(),
                                    k -> new ArrayList<>())
                            .add(entry);
                } else {
                    due.add(entry);
                }
            }
        }
        for (OutboxEntry entry : unavailable) {
            // Preferences name a channel this instance does not run (not configured): keeping
            // the entry forever would only hide the misconfiguration; it is counted and logged.
            outbox.delete(entry.key());
            listener.onChannelUnavailable(entry.channel());
        }
        for (OutboxEntry entry : due) {
            send(
                    new Delivery(
                            entry.key(),
                            entry.channel(),
                            entry.notification().recipient(),
                            List.of(entry)));
        }
        for (List<OutboxEntry> entries : digests.values()) {
            OutboxEntry first = entries.get(0);
            String id = "digest-" + first.notification().id() + "-" + entries.size();
            send(new Delivery(id, first.channel(), first.notification().recipient(), entries));
        }
        listener.onOutboxDepth(context.taskId().toString(), waiting);
        purgeOldIds(now);
    }

    private void send(Delivery delivery) {
        if (workers.submit(delivery, this::completed)) {
            delivery.entries().forEach(e -> inFlight.add(e.key()));
        }
    }

    private void completed(DeliveryOutcome outcome) {
        if (open) {
            outcomes.add(outcome);
        }
    }

    /** Applies finished attempts on the stream thread, where the store may be written. */
    private void settle(Instant now) {
        DeliveryOutcome outcome;
        while ((outcome = outcomes.poll()) != null) {
            Delivery delivery = outcome.delivery();
            delivery.entries().forEach(e -> inFlight.remove(e.key()));
            if (outcome.delivered()) {
                delivery.entries().forEach(e -> outbox.delete(e.key()));
                Duration latency =
                        delivery.digest()
                                ? null
                                : Duration.between(
                                        delivery.entries().get(0).notification().alertChangedAt(),
                                        outcome.finishedAt());
                listener.onDelivered(delivery.channel(), delivery.entries().size(), latency);
            } else if (outcome.failure().permanent()) {
                delivery.entries().forEach(e -> outbox.delete(e.key()));
                listener.onDeliveryFailed(delivery.channel(), true);
            } else {
                for (OutboxEntry entry : delivery.entries()) {
                    OutboxEntry current = outbox.get(entry.key());
                    if (current == null) {
                        continue;
                    }
                    Duration wait =
                            outcome.failure()
                                    .retryAfter()
                                    .orElseGet(
                                            () ->
                                                    retry.delayAfter(
                                                            current.attempts() + 1,
                                                            ThreadLocalRandom.current()
                                                                    ::nextDouble));
                    outbox.put(
                            entry.key(),
                            current.failed(now.plus(wait), outcome.failure().getMessage()));
                }
                listener.onDeliveryFailed(delivery.channel(), false);
            }
        }
    }

    private void purgeOldIds(Instant now) {
        if (now.toEpochMilli() - lastPurge < Duration.ofHours(1).toMillis()) {
            return;
        }
        lastPurge = now.toEpochMilli();
        long oldest = now.minus(REMEMBER_IDS).toEpochMilli();
        List<String> expired = new ArrayList<>();
        try (KeyValueIterator<String, Long> it = seenIds.all()) {
            it.forEachRemaining(
                    kv -> {
                        if (kv.value != null && kv.value < oldest) {
                            expired.add(kv.key);
                        }
                    });
        }
        expired.forEach(seenIds::delete);
    }

    @Override
    public void close() {
        // The task may move to another instance: its entries no longer wait here.
        listener.onOutboxDepth(context.taskId().toString(), Map.of());
        open = false;
        inFlight.clear();
        outcomes.clear();
    }
}
