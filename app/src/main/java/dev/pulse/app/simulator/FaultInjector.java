package dev.pulse.app.simulator;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * Turns a slice of event drafts, in send order, into topic records with the faults real traffic
 * has: re-sent duplicates, events that arrive late (within the one-hour grace, and a handful a day
 * beyond it) and malformed records.
 */
final class FaultInjector {
    static final double DUPLICATE_RATE = 0.002;
    static final double LATE_RATE = 0.005;
    static final double MALFORMED_RATE = 0.0005;

    /** Events sent beyond grace per simulated day. */
    static final double BEYOND_GRACE_PER_DAY = 4.5;

    private static final long MINUTE_MS = Duration.ofMinutes(1).toMillis();
    private static final long HOUR_MS = Duration.ofHours(1).toMillis();
    private static final EventRenderer.Defect[] DEFECTS = EventRenderer.Defect.values();

    private FaultInjector() {}

    /**
     * Renders the drafts, which must be sorted by send time.
     *
     * @param sliceShareOfDay the slice's length as a share of a day, to scale beyond-grace events
     */
    static List<SimulatedRecord> inject(
            List<EventDraft> drafts, double sliceShareOfDay, RandomGenerator random) {
        List<SimulatedRecord> records = new ArrayList<>(drafts.size() + drafts.size() / 200 + 4);
        Set<Integer> beyondGrace = new HashSet<>();
        int wanted = PoissonSampler.sample(random, BEYOND_GRACE_PER_DAY * sliceShareOfDay);
        for (int i = 0; i < wanted && !drafts.isEmpty(); i++) {
            beyondGrace.add(random.nextInt(drafts.size()));
        }
        for (int i = 0; i < drafts.size(); i++) {
            EventDraft draft = drafts.get(i);
            RecordKind kind = RecordKind.EVENT;
            if (beyondGrace.contains(i)) {
                kind = RecordKind.BEYOND_GRACE;
                draft =
                        draft.withEventTimeMs(
                                draft.sentAtMs() - random.nextLong(3 * HOUR_MS, 6 * HOUR_MS));
            } else if (random.nextDouble() < LATE_RATE) {
                kind = RecordKind.LATE;
                draft =
                        draft.withEventTimeMs(
                                draft.sentAtMs() - random.nextLong(5 * MINUTE_MS, 40 * MINUTE_MS));
            }
            byte[] value = EventRenderer.render(draft);
            records.add(record(draft, value, kind, draft.eventTimeMs()));
            if (random.nextDouble() < DUPLICATE_RATE) {
                records.add(record(draft, value, RecordKind.DUPLICATE, draft.eventTimeMs()));
            }
            if (random.nextDouble() < MALFORMED_RATE) {
                EventRenderer.Defect defect = DEFECTS[random.nextInt(DEFECTS.length)];
                EventDraft other = draft.withEventId(RandomStreams.uuid(random));
                byte[] spoiled = EventRenderer.renderDefective(other, defect);
                records.add(record(draft, spoiled, RecordKind.MALFORMED, draft.sentAtMs()));
            }
        }
        return records;
    }

    private static SimulatedRecord record(
            EventDraft draft, byte[] value, RecordKind kind, long timestampMs) {
        return new SimulatedRecord(draft.tenantId(), timestampMs, draft.sentAtMs(), value, kind);
    }
}
