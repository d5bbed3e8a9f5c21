package dev.pulse.app.bench;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Reads the pipeline's own counters ({@code MicrometerPipelineListener}): how many events it
 * counted into engagement, and how many it dropped and why.
 */
public final class PipelineCounters {
    static final String COUNTED = "pulse.events.counted";
    static final String DUPLICATES = "pulse.events.duplicates";
    static final String LATE = "pulse.events.late";
    static final String DEAD_LETTERED = "pulse.events.dead.lettered";

    private final MeterRegistry registry;

    public PipelineCounters(MeterRegistry registry) {
        this.registry = registry;
    }

    public long counted() {
        return sum(COUNTED);
    }

    /** Why events were not counted, for a failure message. */
    public String drops() {
        return String.format(
                "%d duplicates, %d late, %d dead-lettered",
                sum(DUPLICATES), sum(LATE), sum(DEAD_LETTERED));
    }

    private long sum(String name) {
        double total = 0;
        for (Counter counter : registry.find(name).counters()) {
            total += counter.count();
        }
        return (long) total;
    }
}
