package dev.pulse.notify.outbox;

import dev.pulse.notify.channel.Channel;
import dev.pulse.notify.channel.DeliveryException;
import dev.pulse.notify.model.Delivery;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One worker thread and one bounded queue per push channel: a channel that hangs or fails fills
 * only its own queue, and the stream threads that hand deliveries over never wait on the network.
 */
public final class ChannelWorkers implements AutoCloseable {
    private final Map<String, Worker> workers = new LinkedHashMap<>();
    private final Clock clock;

    public ChannelWorkers(List<Channel> channels, int queueCapacity, Clock clock) {
        this.clock = clock;
        for (Channel channel : channels) {
            if (workers.put(channel.name(), new Worker(channel, queueCapacity)) != null) {
                throw new IllegalArgumentException("two channels named " + channel.name());
            }
        }
    }

    public Set<String> names() {
        return workers.keySet();
    }

    public boolean has(String channel) {
        return workers.containsKey(channel);
    }

    /** Hands the delivery to its channel's worker; false when that worker's queue is full. */
    boolean submit(Delivery delivery, Consumer<DeliveryOutcome> done) {
        Worker worker = workers.get(delivery.channel());
        if (worker == null) {
            throw new IllegalArgumentException("no channel " + delivery.channel());
        }
        try {
            worker.executor.execute(() -> done.accept(worker.attempt(delivery)));
            return true;
        } catch (RejectedExecutionException e) {
            return false;
        }
    }

    @Override
    public void close() {
        workers.values().forEach(w -> w.executor.shutdownNow());
        for (Worker worker : workers.values()) {
            try {
                worker.executor.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private final class Worker {
        private final Channel channel;
        private final ThreadPoolExecutor executor;

        Worker(Channel channel, int capacity) {
            this.channel = channel;
            this.executor =
                    new ThreadPoolExecutor(
                            1,
                            1,
                            0,
                            TimeUnit.SECONDS,
                            new ArrayBlockingQueue<>(capacity),
                            r -> {
                                Thread t = new Thread(r, "pulse-notify-" + channel.name());
                                t.setDaemon(true);
                                return t;
                            });
        }

        DeliveryOutcome attempt(Delivery delivery) {
            try {
                channel.deliver(delivery);
                return new DeliveryOutcome(delivery, null, clock.instant());
            } catch (DeliveryException e) {
                return new DeliveryOutcome(delivery, e, clock.instant());
            } catch (RuntimeException e) {
                // A bug in a channel is still a failed attempt, never a lost notification.
                return new DeliveryOutcome(
                        delivery,
                        DeliveryException.transientFailure(channel.name() + " failed: " + e, e),
                        clock.instant());
            }
        }
    }
}
