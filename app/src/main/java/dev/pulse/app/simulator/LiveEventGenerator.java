package dev.pulse.app.simulator;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Generates live traffic one second at a time, at a configured rate for a lively demo.
 *
 * <p>Usage of tenants that are not quiet (every pattern but fading and idle ones) is sped up to
 * fill the configured rate, spread by each tenant's volume on the anchor's day, without weekly or
 * daily seasonality. Everything that would change a tenant's story if sped up keeps its modelled
 * real-time rate: fading and idle tenants' usage (so a fade goes on to its churn date and idle
 * tenants stay silent), and every tenant's support tickets, NPS answers and seat purchases (so
 * support friction and sentiment do not drift). The same faults are injected as in the replay.
 */
public final class LiveEventGenerator {
    private static final long LIVE_SALT = 0x11FEL;
    private static final long SECOND_MS = 1000;
    private static final double SECOND_SHARE_OF_DAY = 1.0 / Duration.ofDays(1).toSeconds();

    private final TrafficModel model;
    private final RandomStreams streams;
    private final double eventsPerSecond;
    private final List<TenantBehaviour> spedUp = new ArrayList<>();
    private final double[] cumulativeWeights;

    public LiveEventGenerator(DemoCustomerBase base, long seed, double eventsPerSecond) {
        if (!(eventsPerSecond >= 0)) {
            throw new IllegalArgumentException(
                    "eventsPerSecond must be zero or more, got " + eventsPerSecond);
        }
        this.streams = new RandomStreams(seed);
        this.model = new TrafficModel(base.accounts(), base.behaviours(), streams);
        this.eventsPerSecond = eventsPerSecond;
        for (TenantBehaviour tenant : model.tenants()) {
            if (!tenant.pattern().quiet()) {
                spedUp.add(tenant);
            }
        }
        cumulativeWeights = new double[spedUp.size()];
        double sum = 0;
        LocalDate today = LocalDate.ofInstant(base.anchor(), ZoneOffset.UTC);
        for (int i = 0; i < spedUp.size(); i++) {
            TenantBehaviour tenant = spedUp.get(i);
            sum += tenant.usagePerWeekday(tenant.shapeOn(today));
            cumulativeWeights[i] = sum;
        }
    }

    /** The records of the second that starts at {@code epochSecond}, in send order. */
    public List<SimulatedRecord> second(long epochSecond) {
        long start = epochSecond * SECOND_MS;
        Instant instant = Instant.ofEpochSecond(epochSecond);
        LocalDate day = LocalDate.ofInstant(instant, ZoneOffset.UTC);
        double share =
                Seasonality.hourShare(instant.atZone(ZoneOffset.UTC).getHour())
                        / Duration.ofHours(1).toSeconds();
        SplittableRandom random = streams.stream(LIVE_SALT, epochSecond);
        List<EventDraft> drafts = new ArrayList<>();
        for (TenantBehaviour tenant : model.tenants()) {
            TrafficModel.DayPlan plan = model.dayPlan(tenant, day);
            if (tenant.pattern().quiet()) {
                int count = PoissonSampler.sample(random, plan.usage() * share);
                model.usage(tenant, plan, count, start, SECOND_MS, random, drafts);
            }
            model.business(tenant, plan, share, start, SECOND_MS, random, drafts);
        }
        int count =
                cumulativeWeights.length == 0 ? 0 : PoissonSampler.sample(random, eventsPerSecond);
        for (int i = 0; i < count; i++) {
            TenantBehaviour tenant = pickSpedUp(random);
            model.usage(tenant, model.dayPlan(tenant, day), 1, start, SECOND_MS, random, drafts);
        }
        drafts.sort(Comparator.comparingLong(EventDraft::sentAtMs));
        return FaultInjector.inject(drafts, SECOND_SHARE_OF_DAY, random);
    }

    private TenantBehaviour pickSpedUp(SplittableRandom random) {
        double draw = random.nextDouble() * cumulativeWeights[cumulativeWeights.length - 1];
        int low = 0;
        int high = cumulativeWeights.length - 1;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (cumulativeWeights[mid] <= draw) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return spedUp.get(low);
    }
}
