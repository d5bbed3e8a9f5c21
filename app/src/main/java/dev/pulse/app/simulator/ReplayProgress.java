package dev.pulse.app.simulator;

import java.time.Instant;

/**
 * Hears how a replay of history advances. Called on the replaying thread, once per simulated hour;
 * implementations must be quick.
 */
public interface ReplayProgress {
    /** The replay starts; {@code expectedTotal} is an estimate of the records it will send. */
    default void started(long expectedTotal) {}

    /**
     * Records sent so far, out of about {@code expectedTotal} (the actual total may differ a
     * little), and the event time the replay has reached.
     */
    void progressed(long done, long expectedTotal, Instant simulatedTime);

    /** The replay has sent and flushed all {@code done} records. */
    default void finished(long done) {}

    /** Progress that nobody watches. */
    static ReplayProgress none() {
        return (done, expectedTotal, simulatedTime) -> {};
    }
}
