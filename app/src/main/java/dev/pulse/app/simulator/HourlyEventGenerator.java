package dev.pulse.app.simulator;

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
 * Generates the usage-event records of one hour of event time for every tenant, in the order they
 * are sent: event-time order, except for the injected late events (sent 5–40 minutes, or a handful
 * a day 3–6 hours, after their event time). Each hour is drawn from its own seeded stream, so an
 * hour's records never depend on which hours were generated before.
 */
public final class HourlyEventGenerator {
    private static final long HOUR_SALT = 0x4001L;
    private static final long HOUR_MS = Duration.ofHours(1).toMillis();

    private final TrafficModel model;
    private final RandomStreams streams;

    public HourlyEventGenerator(DemoCustomerBase base, long seed) {
        this.streams = new RandomStreams(seed);
        this.model = new TrafficModel(base, streams);
    }

    /** The records of the hour that starts at {@code hourStart} (a whole UTC hour). */
    public List<SimulatedRecord> hour(Instant hourStart) {
        if (!hourStart.truncatedTo(ChronoUnit.HOURS).equals(hourStart)) {
            throw new IllegalArgumentException(hourStart + " is not the start of an hour");
        }
        long start = hourStart.toEpochMilli();
        SplittableRandom random = streams.stream(HOUR_SALT, Math.floorDiv(start, HOUR_MS));
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
        return FaultInjector.inject(drafts, 1 / 24.0, random);
    }

    /**
     * About how many records the hours from {@code from} (inclusive) to {@code to} (exclusive)
     * hold; exact up to random variation, for progress bars.
     */
    public long expectedRecords(Instant from, Instant to) {
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
        return Math.round(
                expected * (1 + FaultInjector.DUPLICATE_RATE + FaultInjector.MALFORMED_RATE));
    }
}
