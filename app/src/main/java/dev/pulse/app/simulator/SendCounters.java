package dev.pulse.app.simulator;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/** Thread-safe tallies of what was sent, read as {@link SimulatorCounts} snapshots. */
final class SendCounters {
    private final AtomicLong accounts = new AtomicLong();
    private final Map<RecordKind, AtomicLong> byKind = new EnumMap<>(RecordKind.class);
    private final AtomicLong failed = new AtomicLong();
    private final AtomicReference<Exception> firstFailure = new AtomicReference<>();

    SendCounters() {
        for (RecordKind kind : RecordKind.values()) {
            byKind.put(kind, new AtomicLong());
        }
    }

    void account() {
        accounts.incrementAndGet();
    }

    void record(RecordKind kind) {
        byKind.get(kind).incrementAndGet();
    }

    void failed(Exception exception) {
        failed.incrementAndGet();
        firstFailure.compareAndSet(null, exception);
    }

    Exception firstFailure() {
        return firstFailure.get();
    }

    SimulatorCounts snapshot() {
        long records = 0;
        for (AtomicLong count : byKind.values()) {
            records += count.get();
        }
        return new SimulatorCounts(
                accounts.get(),
                records,
                byKind.get(RecordKind.DUPLICATE).get(),
                byKind.get(RecordKind.LATE).get(),
                byKind.get(RecordKind.BEYOND_GRACE).get(),
                byKind.get(RecordKind.MALFORMED).get(),
                failed.get());
    }
}
