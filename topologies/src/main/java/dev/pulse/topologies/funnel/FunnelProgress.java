package dev.pulse.topologies.funnel;

import dev.pulse.topologies.event.UsageEvent;

/**
 * One user's progress through one funnel, and the pure function that moves it on with each event.
 *
 * <pre>
 *   (none) ------------first step's event---------------------> step 1 reached, entered then
 *   step k reached --step k+1's event, at or after step k,
 *                    within 'window' of entering--------------> step k+1 reached
 *   step k reached --'window' passed, first step's event------> step 1 reached (a new attempt)
 *   all steps reached ------------------------------------------> stays (a user finishes once)
 * </pre>
 *
 * Everything else changes nothing: an event of a later step before the steps in between (it is not
 * remembered: the step needs its event again once it is the next), an event older than the step
 * reached last, a first-step event while an attempt is still open. Times are event times, so a
 * replay of the same events moves the same way.
 *
 * @param reached steps reached in the current attempt, 1 to the funnel's number of steps
 * @param enteredAtMs when the current attempt reached the first step (epoch ms, event time)
 * @param reachedAtMs when the last step reached was reached
 */
public record FunnelProgress(int reached, long enteredAtMs, long reachedAtMs) {

    /**
     * The outcome of one event.
     *
     * @param progress the progress to keep; the given one when nothing changed
     * @param newStep the index of the step reached by this event, or -1
     * @param sincePreviousMs time from the previous step to this one; 0 for the first step
     */
    public record Step(FunnelProgress progress, int newStep, long sincePreviousMs) {
        public boolean changed() {
            return newStep >= 0;
        }
    }

    /** Whether every step of {@code funnel} was reached. */
    public boolean finished(Funnel funnel) {
        return reached >= funnel.steps().size();
    }

    public static Step apply(FunnelProgress current, Funnel funnel, UsageEvent event) {
        long at = event.timestamp().toEpochMilli();
        if (current == null) {
            return funnel.steps().get(0).matches(event) ? enter(at) : unchanged(null);
        }
        if (current.finished(funnel)) {
            return unchanged(current);
        }
        boolean open = at - current.enteredAtMs <= funnel.window().toMillis();
        if (open) {
            FunnelStep next = funnel.steps().get(current.reached);
            if (at >= current.reachedAtMs && next.matches(event)) {
                return new Step(
                        new FunnelProgress(current.reached + 1, current.enteredAtMs, at),
                        current.reached,
                        at - current.reachedAtMs);
            }
            return unchanged(current);
        }
        return funnel.steps().get(0).matches(event) ? enter(at) : unchanged(current);
    }

    private static Step enter(long at) {
        return new Step(new FunnelProgress(1, at, at), 0, 0);
    }

    private static Step unchanged(FunnelProgress current) {
        return new Step(current, -1, 0);
    }
}
