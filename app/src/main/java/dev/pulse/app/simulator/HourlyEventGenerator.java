package dev.pulse.app.simulator;

import dev.pulse.topologies.account.Account;
import dev.pulse.topologies.event.UsageEvent;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Generates the usage events of one hour of event time for every tenant: as the records a client
 * sends, in the order they are sent ({@link #hour}: event-time order, except for the injected late
 * events, sent 5–40 minutes, or a handful a day 3–6 hours, after their event time), or clean, as
 * the events Pulse reads, without any fault ({@link #events}). Each hour is drawn from its own
 * seeded stream, so an hour's events never depend on which hours were generated before.
 */
public final class HourlyEventGenerator {
    private static final long HOUR_SALT = 0x4001L;
    private static final long HOUR_MS = Duration.ofHours(1).toMillis();

    private final TrafficModel model;
    private final RandomStreams streams;

    public HourlyEventGenerator(DemoCustomerBase base, long seed) {
        this(base.accounts(), base.behaviours(), seed);
    }

    /**
     * @param accounts the tenants' accounts (for the plan some events carry)
     * @param behaviours every tenant's behaviour
     */
    public HourlyEventGenerator(
            List<Account> accounts, List<TenantBehaviour> behaviours, long seed) {
        this.streams = new RandomStreams(seed);
        this.model = new TrafficModel(accounts, behaviours, streams);
    }

    /** The records of the hour that starts at {@code hourStart} (a whole UTC hour). */
    public List<SimulatedRecord> hour(Instant hourStart) {
        SplittableRandom random = hourStream(hourStart);
        return FaultInjector.inject(drafts(hourStart, random), 1 / 24.0, random);
    }

    /**
     * The events of the hour that starts at {@code hourStart}, in event-time order, without
     * duplicates, late or malformed records, and without the fields the schema does not know: the
     * same events {@link #hour} sends before its faults.
     */
    public List<UsageEvent> events(Instant hourStart) {
        List<EventDraft> drafts = drafts(hourStart, hourStream(hourStart));
        List<UsageEvent> events = new ArrayList<>(drafts.size());
        for (EventDraft draft : drafts) {
            events.add(EventRenderer.event(draft));
        }
        return events;
    }

    private SplittableRandom hourStream(Instant hourStart) {
        if (!hourStart.truncatedTo(ChronoUnit.HOURS).equals(hourStart)) {
            throw new IllegalArgumentException(hourStart + " is not the start of an hour");
        }
        return streams.stream(HOUR_SALT, Math.floorDiv(hourStart.toEpochMilli(), HOUR_MS));
    }

    private List<EventDraft> drafts(Instant hourStart, SplittableRandom random) {
        long start = hourStart.toEpochMilli();
        LocalDate day = LocalDate.ofInstant(hourStart, ZoneOffset.UTC);
        double share = Seasonality.hourShare(hourStart.atZone(ZoneOffset.UTC).getHour());
        List<EventDraft> drafts = new ArrayList<>();
        for (TenantBehaviour tenant : model.tenants()) {
            TrafficModel.DayPlan plan = model.dayPlan(tenant, day);
            int count = PoissonSampler.sample(random, plan.usage() * share);
            model.usage(tenant, plan, count, start, HOUR_MS, random, drafts);
            model.business(tenant, plan, share, start, HOUR_MS, random, drafts);
        }
        drafts.sort(Comparator.comparingLong(EventDraft::sentAtMs));
        return drafts;
    }

    /**
     * About how many records the hours from {@code from} (inclusive) to {@code to} (exclusive)
     * hold; exact up to random variation, for progress bars.
     */
    public long expectedRecords(Instant from, Instant to) {
        return Math.round(
                expectedEvents(from, to)
                        * (1 + FaultInjector.DUPLICATE_RATE + FaultInjector.MALFORMED_RATE));
    }

    /** About how many events (without faults) the hours from {@code from} to {@code to} hold. */
    public long expectedEvents(Instant from, Instant to) {
        double expected = 0;
        Instant hour = from.truncatedTo(ChronoUnit.HOURS);
        while (hour.isBefore(to)) {
            LocalDate day = LocalDate.ofInstant(hour, ZoneOffset.UTC);
            double share = Seasonality.hourShare(hour.atZone(ZoneOffset.UTC).getHour());
            for (TenantBehaviour tenant : model.tenants()) {
                expected += TrafficModel.expectedEvents(model.dayPlan(tenant, day), share);
            }
            hour = hour.plus(Duration.ofHours(1));
        }
        return Math.round(expected);
    }
}
