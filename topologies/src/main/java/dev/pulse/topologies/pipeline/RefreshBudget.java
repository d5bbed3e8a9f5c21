package dev.pulse.topologies.pipeline;

/**
 * How often a task may rescore its dirty tenants: at most every refresh interval, and never more
 * than a given share of the wall-clock time. Rescoring costs per tenant with new events, not per
 * event, so with many active tenants a fixed 200 ms refresh would take a stream thread's whole
 * time; past the share, the refresh stretches instead (a pass of 10 ms at a 2 % share waits until
 * 500 ms after it began), and scores stay a little older while ingest keeps its pace. When few
 * tenants are active the share never binds and the interval alone decides. Passes over fewer than
 * {@value #MIN_TENANTS} tenants are cheap and never wait nor make the next wait, so a quiet task's
 * few scores stay fresh right after a busy spell, and a garbage-collection pause or a first, not
 * yet compiled pass cannot hold them back.
 */
final class RefreshBudget {
    static final int MIN_TENANTS = 64;

    private final double share;
    private long nextPassMs = Long.MIN_VALUE;

    /** {@code share}: the largest part of the wall-clock time passes may take, in (0, 1]. */
    RefreshBudget(double share) {
        if (!(share > 0 && share <= 1)) {
            throw new IllegalArgumentException("share must be in (0, 1], got " + share);
        }
        this.share = share;
    }

    /** Whether a pass over {@code tenants} may run at {@code wallClockMs}. */
    boolean due(long wallClockMs, int tenants) {
        return tenants < MIN_TENANTS || wallClockMs >= nextPassMs;
    }

    /** A pass that began at {@code startedMs} rescored {@code tenants} in {@code nanos}. */
    void spent(long startedMs, int tenants, long nanos) {
        nextPassMs =
                tenants < MIN_TENANTS
                        ? Long.MIN_VALUE
                        : startedMs + (long) (nanos / 1_000_000.0 / share);
    }
}
