package dev.pulse.app.simulator;

import dev.pulse.topologies.account.Account;
import dev.pulse.topologies.topic.PulseTopics;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Feeds a Pulse demo: publishes the demo accounts, replays the last {@code days} days of usage in
 * event-time order as fast as the broker takes them, then keeps sending live traffic every second
 * until closed.
 *
 * <p>Every usage record is keyed by tenant id with its event time as record timestamp (the send
 * time for records without a usable one). History ends, and live traffic starts, at the clock's
 * instant when the simulator is created, so the two join without a gap or an overlap.
 */
public final class DemoSimulator implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DemoSimulator.class);

    /** After a stall (a paused laptop), live traffic catches up at most this far back. */
    static final int MAX_CATCH_UP_SECONDS = 300;

    private final SimulatorSettings settings;
    private final Clock clock;
    private final Instant anchor;
    private final Producer<String, byte[]> producer;
    private final boolean ownsProducer;
    private final DemoCustomerBase customerBase;
    private final HourlyEventGenerator history;
    private final LiveEventGenerator live;
    private final SendCounters counters = new SendCounters();
    private final Callback onAcknowledged;
    private final Object liveLock = new Object();
    private ScheduledExecutorService liveThread;
    private long nextLiveSecond;
    private volatile boolean closed;

    public DemoSimulator(SimulatorSettings settings) {
        this.settings = settings;
        this.clock = settings.clock();
        this.anchor = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        this.customerBase = DemoCustomerBase.generate(settings.seed(), settings.tenants(), anchor);
        this.history = new HourlyEventGenerator(customerBase, settings.seed());
        this.live =
                new LiveEventGenerator(
                        customerBase, settings.seed(), settings.liveEventsPerSecond());
        this.ownsProducer = settings.producer() == null;
        this.producer =
                ownsProducer ? SimulatorProducer.create(settings.kafka()) : settings.producer();
        this.nextLiveSecond = Math.floorDiv(anchor.toEpochMilli(), 1000);
        this.onAcknowledged =
                (metadata, exception) -> {
                    if (exception != null) {
                        counters.failed(exception);
                    }
                };
    }

    /** The simulated customers: accounts, account managers, behaviour. */
    public DemoCustomerBase customerBase() {
        return customerBase;
    }

    /** Where the replayed history ends and live traffic begins. */
    public Instant anchor() {
        return anchor;
    }

    /** What was sent so far. */
    public SimulatorCounts counts() {
        return counters.snapshot();
    }

    /** Sends every demo account to the accounts topic, keyed by tenant id, and flushes. */
    public void publishAccounts() {
        String topic = PulseTopics.ACCOUNTS.name();
        Serializer<Account> serializer = PulseTopics.ACCOUNTS.valueSerde().serializer();
        long now = clock.millis();
        for (Account account : customerBase.accounts()) {
            byte[] value = serializer.serialize(topic, account);
            producer.send(
                    new ProducerRecord<>(topic, null, now, account.tenantId(), value),
                    onAcknowledged);
            counters.account();
        }
        producer.flush();
        throwIfFailed("accounts");
    }

    /**
     * Replays the history: every hour from {@code days} days before the anchor up to the anchor, in
     * send order. Blocks until all of it is sent and flushed, or until the simulator is closed
     * (then it returns early, quietly).
     *
     * @return what was sent so far
     * @throws IllegalStateException if the broker refused any record
     */
    public SimulatorCounts replay(ReplayProgress progress) {
        Instant from = anchor.minus(Duration.ofDays(settings.days())).truncatedTo(ChronoUnit.HOURS);
        long expected = history.expectedRecords(from, anchor);
        long done = 0;
        progress.started(expected);
        for (Instant hour = from; hour.isBefore(anchor); hour = hour.plus(Duration.ofHours(1))) {
            try {
                done += send(history.hour(hour), Long.MIN_VALUE, anchor.toEpochMilli());
            } catch (RuntimeException e) {
                if (closed) {
                    break; // closed while replaying (Ctrl-C): stop quietly
                }
                throw e;
            }
            if (closed) {
                break;
            }
            progress.progressed(done, expected, hour);
        }
        if (!closed) {
            producer.flush();
        }
        progress.finished(done);
        throwIfFailed("replay");
        return counts();
    }

    /** Starts sending live traffic every second, on a daemon thread, until {@link #close()}. */
    public void startLive() {
        synchronized (liveLock) {
            if (closed) {
                throw new IllegalStateException("the simulator is closed");
            }
            if (liveThread != null) {
                return;
            }
            liveThread =
                    Executors.newSingleThreadScheduledExecutor(
                            runnable -> {
                                Thread thread = new Thread(runnable, "pulse-demo-live");
                                thread.setDaemon(true);
                                return thread;
                            });
            liveThread.scheduleAtFixedRate(this::safeLiveTick, 0, 1, TimeUnit.SECONDS);
        }
    }

    /** Sends the live traffic of every whole second between the last tick and the clock. */
    void liveTick() {
        long nowSecond = Math.floorDiv(clock.millis(), 1000);
        if (nextLiveSecond < nowSecond - MAX_CATCH_UP_SECONDS) {
            LOG.info(
                    "Live traffic skips {} s after a stall",
                    nowSecond - MAX_CATCH_UP_SECONDS - nextLiveSecond);
            nextLiveSecond = nowSecond - MAX_CATCH_UP_SECONDS;
        }
        while (nextLiveSecond < nowSecond && !closed) {
            send(live.second(nextLiveSecond), anchor.toEpochMilli(), Long.MAX_VALUE);
            nextLiveSecond++;
        }
    }

    private void safeLiveTick() {
        try {
            liveTick();
        } catch (RuntimeException e) {
            // A failed tick must not end live traffic: the next one tries again.
            LOG.warn("Live traffic could not be sent: {}", e.toString());
        }
    }

    /** Sends the records whose send time is in [{@code fromMs}, {@code untilMs}). */
    private long send(List<SimulatedRecord> records, long fromMs, long untilMs) {
        String topic = PulseTopics.USAGE_EVENTS.name();
        long sent = 0;
        for (SimulatedRecord record : records) {
            if (record.sentAtMs() < fromMs || record.sentAtMs() >= untilMs) {
                continue;
            }
            producer.send(
                    new ProducerRecord<>(
                            topic, null, record.timestampMs(), record.tenantId(), record.value()),
                    onAcknowledged);
            counters.record(record.kind());
            sent++;
        }
        return sent;
    }

    private void throwIfFailed(String what) {
        SimulatorCounts counts = counters.snapshot();
        if (counts.failed() > 0) {
            throw new IllegalStateException(
                    "the broker refused "
                            + counts.failed()
                            + " records of the demo "
                            + what
                            + "; first error: "
                            + counters.firstFailure(),
                    counters.firstFailure());
        }
    }

    /** Stops live traffic, flushes, and closes the producer if the simulator created it. */
    @Override
    public void close() {
        synchronized (liveLock) {
            if (closed) {
                return;
            }
            closed = true;
            if (liveThread != null) {
                liveThread.shutdownNow();
                try {
                    if (!liveThread.awaitTermination(10, TimeUnit.SECONDS)) {
                        LOG.warn("Live traffic thread did not stop within 10 s");
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
        if (ownsProducer) {
            producer.close(Duration.ofSeconds(10));
        } else {
            producer.flush();
        }
    }
}
