package dev.pulse.topologies.pipeline;

import java.time.Duration;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * "Now" for one task, in event time. While Pulse replays history or works through a backlog, now is
 * stream time, the newest event time the task has reached: scores and alerts are what they were on
 * that day, and an account is not "silent for 132 days" because its recent events are still queued.
 * Once stream time is within {@link #CAUGHT_UP_LAG} of the wall clock the data counts as caught up,
 * and the wall clock moves now forward, so a live tenant that goes quiet is seen going quiet. A
 * task stays caught up until its stream time is seen to lag again (a quiet partition whose stream
 * time stands still stays live); the flag survives restarts in the checkpoints store.
 */
final class EventTimeClock {
    /**
     * How far stream time may trail the wall clock for the data to count as caught up. Live traffic
     * keeps it within seconds, sources that deliver in hourly batches within a few hours; a replay
     * or a backlog puts it days behind. The last hours of a replay count as live, which costs
     * nothing: no rule judges hours.
     */
    static final Duration CAUGHT_UP_LAG = Duration.ofHours(6);

    private static final String CAUGHT_UP = "data-caught-up";

    private final ProcessorContext<?, ?> context;
    private final KeyValueStore<String, Long> checkpoints;
    private final boolean observer;
    private final Duration idle;
    private long seenStreamTime = Long.MIN_VALUE;
    private long lastRecordWallMs;
    private boolean caughtUp;

    /**
     * @param observer true for the one processor of the task that sees every event and keeps the
     *     flag ({@link #observe()}); others read what it keeps
     * @param idle a task that processed nothing for this long has no backlog: whatever its stream
     *     time, the data it has is all there is, and a tenant without events is in fact quiet
     */
    EventTimeClock(
            ProcessorContext<?, ?> context,
            KeyValueStore<String, Long> checkpoints,
            boolean observer,
            Duration idle) {
        this.context = context;
        this.checkpoints = checkpoints;
        this.observer = observer;
        this.idle = idle;
        this.caughtUp = stored();
        this.lastRecordWallMs = context.currentSystemTimeMs();
    }

    /** The instant scores and alerts describe, in epoch milliseconds. */
    long now() {
        long stream = context.currentStreamTimeMs();
        if (stream < 0) {
            return context.currentSystemTimeMs();
        }
        return caughtUp() ? Math.max(stream, context.currentSystemTimeMs()) : stream;
    }

    /** Whether the data reaches up to about the wall clock (see the class comment). */
    boolean caughtUp() {
        if (!observer) {
            return stored();
        }
        if (!caughtUp && context.currentSystemTimeMs() - lastRecordWallMs >= idle.toMillis()) {
            set(true);
        }
        return caughtUp;
    }

    /**
     * Notes where stream time stands against the wall clock, as each event is processed: an event
     * that arrives hours after its time means a replay or a backlog.
     */
    void observe() {
        lastRecordWallMs = context.currentSystemTimeMs();
        long stream = context.currentStreamTimeMs();
        if (stream < 0 || stream == seenStreamTime) {
            return;
        }
        seenStreamTime = stream;
        set(stream >= context.currentSystemTimeMs() - CAUGHT_UP_LAG.toMillis());
    }

    /**
     * When the data last caught up (wall clock, epoch ms), or 0 while it is behind: each catching
     * up has its own value, so a reader that looks now and then still sees a backlog that came and
     * went between two looks. 1 when it caught up before this was recorded.
     */
    long liveSince() {
        caughtUp();
        Long stored = checkpoints.get(CAUGHT_UP);
        return stored == null ? 0 : stored;
    }

    private void set(boolean live) {
        if (live != caughtUp) {
            caughtUp = live;
            checkpoints.put(CAUGHT_UP, live ? Math.max(1L, context.currentSystemTimeMs()) : 0L);
        }
    }

    private boolean stored() {
        Long stored = checkpoints.get(CAUGHT_UP);
        return stored != null && stored > 0;
    }
}
