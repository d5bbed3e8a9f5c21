package dev.pulse.app.simulator;

import java.util.Locale;

/**
 * What the simulator has sent so far.
 *
 * @param accounts account records sent to the accounts topic
 * @param records records sent to the usage-events topic, of every kind
 * @param duplicates re-sent copies among {@code records}
 * @param late events sent 5–40 minutes late (within grace) among {@code records}
 * @param beyondGrace events sent 3–6 hours late among {@code records}
 * @param malformed invalid records among {@code records}
 * @param failed sends the broker did not acknowledge
 */
public record SimulatorCounts(
        long accounts,
        long records,
        long duplicates,
        long late,
        long beyondGrace,
        long malformed,
        long failed) {

    /** Distinct, well-formed events: what Pulse should count (before grace drops any). */
    public long events() {
        return records - duplicates - malformed;
    }

    /** One line for a banner or a log. */
    public String summary() {
        return String.format(
                Locale.ROOT,
                "%,d usage records (%,d duplicates, %,d late, %,d beyond grace, %,d malformed)"
                        + " and %,d accounts sent%s",
                records,
                duplicates,
                late,
                beyondGrace,
                malformed,
                accounts,
                failed == 0 ? "" : String.format(Locale.ROOT, "; %,d sends failed", failed));
    }
}
