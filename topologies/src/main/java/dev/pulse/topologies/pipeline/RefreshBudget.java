package dev.pulse.topologies.pipeline;

/**
 * How often a task may rescore its dirty tenants: at most every refresh interval, and never more
 * than a given share of the wall-clock time. Rescoring costs per tenant with new events, not per
 * event, so with many active tenants a fixed 200 ms refresh would take a stream thread's whole
 * time; past the share, the refresh stretches instead (a pass of 10 ms at a 2 % share waits until
 * 500 ms after it began), and scores stay a little older while ingest keeps its pace. The share
 * only binds while the task is busy: a pass over fewer than {@value #FEW} tenants, or after a
 * refresh interval in which the task processed fewer than {@value #FEW} records, runs at once. So
 * when few tenants are active the interval alone decides, scores are fresh again one interval after
 * a busy spell ends, and a garbage-collection pause or a first, not yet compiled pass cannot hold a
 * quiet task's few scores back (a pass over few tenants also leaves the next one free).
 */
final class RefreshBudget {
    static final int FEW = 64;

    private final double share;
    private long nextPassMs = Long.MIN_VALUE;

    /** {@code share}: the largest part of the wall-clock time passes may take, in (0, 1]. */
    RefreshBudget(double share) {
        if (!(share > 0 && share <= 1)) {
            throw new IllegalArgumentException("share must be in (0, 1], got " + share);
        }
        this.share = share;
    }

    /**
     * Whether a pass over {@code tenants} may run at {@code wallClockMs}, the task having processed
     * {@code records} since the last refresh interval began.
     */
    boolean due(long wallClockMs, int tenants, long records) {
        return tenants < FEW || records < FEW || wallClockMs >= nextPassMs;
    }

    /** A pass that began at {@code startedMs} rescored {@code tenants} in {@code nanos}. */
    void spent(long startedMs, int tenants, long nanos) {
        nextPassMs =
                tenants < FEW ? Long.MIN_VALUE : startedMs + (long) (nanos / 1_000_000.0 / share);
    }
}
