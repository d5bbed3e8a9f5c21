package dev.pulse.topologies.pipeline;

import dev.pulse.topologies.health.HealthScore;
import dev.pulse.topologies.journey.JourneyState;
import dev.pulse.topologies.journey.JourneyStepper;
import dev.pulse.topologies.journey.Transition;
import dev.pulse.topologies.state.ChangelogOffsets;
import dev.pulse.topologies.time.UtcDays;
import dev.pulse.topologies.topic.PulseStores;
import java.time.Duration;
import java.time.LocalDate;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Moves each tenant through the journey ({@link JourneyStepper}) when one of its days closes: only
 * end-of-day scores count, so the journey is a function of event time and a replay builds the same
 * journeys as the live run. Each tenant's {@link JourneyState} lives in the {@code journeys} store;
 * every move is forwarded, dated at the end of the day that made it. The account's plan, segment
 * and status are those of the account the day was closed with ({@link ScoreChange#account}).
 */
final class JourneyProcessor implements Processor<String, ScoreChange, String, Transition> {
    /**
     * Journeys change once a day: their store gets an offset this long after start at the latest.
     */
    private static final Duration TOUCH_AFTER = Duration.ofSeconds(1);

    private final JourneyStepper stepper;
    private ProcessorContext<String, Transition> context;
    private KeyValueStore<String, JourneyState> journeys;
    private ChangelogOffsets offsets;

    JourneyProcessor(JourneyStepper stepper) {
        this.stepper = stepper;
    }

    @Override
    public void init(ProcessorContext<String, Transition> context) {
        this.context = context;
        this.journeys = context.getStateStore(PulseStores.JOURNEYS);
        this.offsets = new ChangelogOffsets(context).keyValue(journeys).ensureWithin(TOUCH_AFTER);
    }

    @Override
    public void process(Record<String, ScoreChange> record) {
        ScoreChange change = record.value();
        if (record.key() == null
                || change == null
                || !change.endOfDay()
                || change.score() == null) {
            return;
        }
        offsets.ensure();
        String tenant = record.key();
        HealthScore endOfDay = change.score();
        LocalDate day = UtcDays.dayClosedBy(endOfDay);
        JourneyState before = journeys.get(tenant);
        JourneyStepper.Step step = stepper.apply(before, endOfDay, change.account(), day);
        if (step.state() == before) {
            return;
        }
        journeys.put(tenant, step.state());
        if (step.moved()) {
            context.forward(
                    new Record<>(tenant, step.transition(), UtcDays.startMs(day) + UtcDays.DAY_MS));
        }
    }
}
