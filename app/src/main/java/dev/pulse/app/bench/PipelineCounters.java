package dev.pulse.app.bench;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Reads the pipeline's own counters ({@code MicrometerPipelineListener}): how many events it
 * counted into engagement, and how many it dropped and why.
 *
 * <p>The counters are collected as the registry adds them rather than searched for on each read:
 * the ingest phase reads every few milliseconds, and a search walks all of the registry's thousands
 * of Kafka meters, which took a fifth of the machine away from the pipeline it measures.
 */
public final class PipelineCounters {
    static final String COUNTED = "pulse.events.counted";
    static final String DUPLICATES = "pulse.events.duplicates";
    static final String LATE = "pulse.events.late";
    static final String DEAD_LETTERED = "pulse.events.dead.lettered";
    static final String BACKFILLED_DAYS = "pulse.backfill.loads";

    private final CopyOnWriteArrayList<Counter> counters = new CopyOnWriteArrayList<>();

    public PipelineCounters(MeterRegistry registry) {
        registry.config().onMeterAdded(this::keepIfCounter);
        registry.config().onMeterRemoved(counters::remove);
        registry.forEachMeter(this::keepIfCounter);
    }

    public long counted() {
        return sum(COUNTED);
    }

    /** Backfilled tenant-days the pipeline has loaded. */
    public long backfilledDays() {
        return sum(BACKFILLED_DAYS);
    }

    /**
     * Returns System.nanoTime() when the pipeline had counted {@code target} events; fails, with
     * the drops, when the count stops moving. {@code report} hears the progress of long waits.
     */
    long awaitCounted(long target, String what, Consumer<String> report) {
        return ProgressWait.until(this::counted, target, what, () -> " (" + drops() + ")", report);
    }

    /** Why events were not counted, for a failure message. */
    public String drops() {
        return String.format(
                "%d duplicates, %d late, %d dead-lettered",
                sum(DUPLICATES), sum(LATE), sum(DEAD_LETTERED));
    }

    private void keepIfCounter(Meter meter) {
        if (meter instanceof Counter
                && (meter.getId().getName().startsWith("pulse.events.")
                        || meter.getId().getName().equals(BACKFILLED_DAYS))) {
            counters.addIfAbsent((Counter) meter);
        }
    }

    private long sum(String name) {
        double total = 0;
        for (Counter counter : counters) {
            if (counter.getId().getName().equals(name)) {
                total += counter.count();
            }
        }
        return (long) total;
    }
}
