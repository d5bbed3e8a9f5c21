package dev.pulse.app.simulator;

import dev.pulse.topologies.account.Account;
import dev.pulse.topologies.event.EventTypes;
import java.time.LocalDate;
import java.util.AbstractMap;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.BiConsumer;
import java.util.random.RandomGenerator;

/**
 * Turns tenant behaviour into event drafts. A tenant's day (whether it is active, which users show
 * up) comes from a stream keyed by tenant and day, so any slice of time can be generated on its own
 * and always looks the same. Not thread-safe: each generator owns one.
 */
final class TrafficModel {
    /** Tickets closed per ticket opened. */
    static final double CLOSED_PER_OPENED = 0.85;

    /** Share of a tenant's engaged users who show up on a given day. */
    static final double DAILY_ROSTER_SHARE = 0.3;

    /** Share of events that carry a field the schema does not know. */
    static final double EXTRA_FIELD_RATE = 0.02;

    private static final long DAY_SALT = 0xDA7L;
    private static final double GOLDEN_FRACTION = 0.6180339887498949;
    private static final String[] CLIENTS = {"web", "web", "web", "desktop", "mobile"};
    private static final String[] PRIORITIES = {"p1", "p2", "p2", "p3", "p3", "p3", "p4"};
    private static final String[] CHANNELS = {"email", "chat", "portal"};

    private final RandomStreams streams;
    private final List<TenantBehaviour> tenants;
    private final Map<String, Integer> tenantIndex = new HashMap<>();
    private final Map<String, String> plans = new HashMap<>();
    private final Map<String, double[]> featureWeights = new HashMap<>();
    private final Map<String, String[]> userIds = new HashMap<>();
    private final Map<String, DayPlan> dayPlans = new HashMap<>();
    private final FunnelAdoption funnels;
    private final Map<String, byte[]> funnelDepths = new HashMap<>();
    private LocalDate cachedDay;

    /**
     * @param accounts the tenants' accounts, for the plan some events carry
     * @param tenants every tenant's behaviour, in the order their events are drawn
     */
    TrafficModel(List<Account> accounts, List<TenantBehaviour> tenants, RandomStreams streams) {
        this.streams = streams;
        this.funnels = new FunnelAdoption(streams);
        this.tenants = List.copyOf(tenants);
        for (int i = 0; i < this.tenants.size(); i++) {
            TenantBehaviour behaviour = this.tenants.get(i);
            tenantIndex.put(behaviour.tenantId(), i);
            featureWeights.put(
                    behaviour.tenantId(), cumulativeWeights(behaviour.features().size()));
        }
        for (Account account : accounts) {
            plans.put(account.tenantId(), account.plan());
        }
    }

    /** Every tenant, in base order. */
    List<TenantBehaviour> tenants() {
        return tenants;
    }

    /**
     * What a tenant does on one UTC day: whether it shows up at all, which of its users do (indices
     * into its pool), and the expected number of events per type, already scaled for the weekend.
     */
    record DayPlan(
            boolean active,
            int[] roster,
            double usage,
            double loginShare,
            double ticketsOpened,
            double npsAnswers,
            double seatAdditions) {}

    DayPlan dayPlan(TenantBehaviour tenant, LocalDate day) {
        if (!day.equals(cachedDay)) {
            dayPlans.clear();
            cachedDay = day;
        }
        return dayPlans.computeIfAbsent(tenant.tenantId(), id -> computeDayPlan(tenant, day));
    }

    private DayPlan computeDayPlan(TenantBehaviour tenant, LocalDate day) {
        SplittableRandom random =
                streams.stream(DAY_SALT, tenantIndex.get(tenant.tenantId()), day.toEpochDay());
        DayShape shape = tenant.shapeOn(day);
        boolean active = shape.engagedUsers() > 0 && activeOn(tenant, day, shape.activeDayChance());
        if (!active) {
            return new DayPlan(false, new int[0], 0, 0, 0, 0, 0);
        }
        // Each engaged user shows up with the same chance, lower at weekends and on quiet days,
        // higher on busy ones, each doing as much as on any other day: so the number who do
        // varies from day to day as a real team's does (a fixed share made a steady account's
        // weekly active users move by 1-2 %, far less than any team's).
        double dayFactor = Seasonality.dayFactor(day);
        int engaged = shape.engagedUsers();
        double chance = Math.min(1, DAILY_ROSTER_SHARE * dayFactor * shape.volume());
        int[] users = new int[engaged];
        int size = 0;
        for (int user = 0; user < engaged; user++) {
            if (random.nextDouble() < chance) {
                users[size++] = user;
            }
        }
        if (size == 0) {
            users[size++] = random.nextInt(engaged); // an active day has somebody in it
        }
        return new DayPlan(
                true,
                Arrays.copyOf(users, size),
                tenant.usagePerWeekday(shape) * dayFactor,
                tenant.loginShareOn(shape),
                tenant.ticketsPerWeekday(shape) * dayFactor,
                tenant.npsAnswersPerWeekday() * dayFactor,
                tenant.seatAdditionsPerWeekday() * dayFactor);
    }

    /**
     * Whether a tenant that is active on only some days is active on this one. A golden-ratio
     * sequence rather than a coin spreads active days evenly, so that any two weeks hold close to
     * the intended share of them.
     */
    private boolean activeOn(TenantBehaviour tenant, LocalDate day, double chance) {
        if (chance >= 1) {
            return true;
        }
        double offset = streams.stream(DAY_SALT, tenantIndex.get(tenant.tenantId())).nextDouble();
        double position = day.toEpochDay() * GOLDEN_FRACTION + offset;
        return position - Math.floor(position) < chance;
    }

    /** Expected records of every type for a tenant's day, times the share of the day. */
    static double expectedEvents(DayPlan plan, double shareOfDay) {
        return shareOfDay
                * (plan.usage()
                        + plan.ticketsOpened() * (1 + CLOSED_PER_OPENED)
                        + plan.npsAnswers()
                        + plan.seatAdditions());
    }

    /** Adds {@code count} usage events (logins, feature use, API calls) spread over a slice. */
    void usage(
            TenantBehaviour tenant,
            DayPlan plan,
            int count,
            long startMs,
            long lengthMs,
            RandomGenerator random,
            List<EventDraft> out) {
        if (!plan.active()) {
            return;
        }
        double apiShareOfActions = tenant.apiShare() / (1 - tenant.loginShare());
        for (int i = 0; i < count; i++) {
            String type;
            String feature = null;
            Map<String, Object> properties = null;
            if (random.nextDouble() < plan.loginShare()) {
                type = EventTypes.LOGIN;
                properties = new LinkedHashMap<>();
                properties.put("client", CLIENTS[random.nextInt(CLIENTS.length)]);
                properties.put("plan", plans.get(tenant.tenantId()));
            } else if (random.nextDouble() < apiShareOfActions) {
                type = EventTypes.API_CALL;
                feature = feature(tenant, random);
                properties = new LinkedHashMap<>();
                properties.put("endpoint", "/v2/" + feature.replace('_', '-'));
                properties.put("status", random.nextDouble() < 0.98 ? 200 : 429);
            } else {
                type = EventTypes.FEATURE_USED;
                feature = feature(tenant, random);
                if (random.nextDouble() < 0.3) {
                    properties = Map.of("durationMs", random.nextInt(200, 120_000));
                }
            }
            out.add(draft(tenant, plan, type, feature, properties, startMs, lengthMs, random));
        }
    }

    /** Adds support tickets, NPS answers and seat purchases expected in a slice. */
    void business(
            TenantBehaviour tenant,
            DayPlan plan,
            double shareOfDay,
            long startMs,
            long lengthMs,
            RandomGenerator random,
            List<EventDraft> out) {
        if (!plan.active()) {
            return;
        }
        BiConsumer<String, Map<String, Object>> emit =
                (type, properties) ->
                        out.add(
                                draft(
                                        tenant,
                                        plan,
                                        type,
                                        null,
                                        properties,
                                        startMs,
                                        lengthMs,
                                        random));
        int opened = PoissonSampler.sample(random, plan.ticketsOpened() * shareOfDay);
        for (int i = 0; i < opened; i++) {
            Map<String, Object> properties = new LinkedHashMap<>();
            properties.put("ticketId", ticketId(random));
            properties.put("priority", PRIORITIES[random.nextInt(PRIORITIES.length)]);
            properties.put("channel", CHANNELS[random.nextInt(CHANNELS.length)]);
            emit.accept(EventTypes.TICKET_OPENED, properties);
        }
        int closed =
                PoissonSampler.sample(
                        random, plan.ticketsOpened() * CLOSED_PER_OPENED * shareOfDay);
        for (int i = 0; i < closed; i++) {
            Map<String, Object> properties = Map.of("ticketId", ticketId(random));
            emit.accept(EventTypes.TICKET_CLOSED, properties);
        }
        int answers = PoissonSampler.sample(random, plan.npsAnswers() * shareOfDay);
        for (int i = 0; i < answers; i++) {
            long score = Math.round(tenant.npsMean() + 1.5 * random.nextGaussian());
            Map<String, Object> properties =
                    Map.of("score", (int) Math.max(0, Math.min(10, score)));
            emit.accept(EventTypes.NPS_RESPONSE, properties);
        }
        int purchases = PoissonSampler.sample(random, plan.seatAdditions() * shareOfDay);
        for (int i = 0; i < purchases; i++) {
            Map<String, Object> properties = new LinkedHashMap<>();
            properties.put("seats", random.nextInt(1, 6));
            properties.put("plan", plans.get(tenant.tenantId()));
            emit.accept(EventTypes.SEAT_ADDED, properties);
        }
    }

    private EventDraft draft(
            TenantBehaviour tenant,
            DayPlan plan,
            String type,
            String feature,
            Map<String, Object> properties,
            long startMs,
            long lengthMs,
            RandomGenerator random) {
        long time = startMs + random.nextLong(lengthMs);
        int user = plan.roster()[random.nextInt(plan.roster().length)];
        return new EventDraft(
                RandomStreams.uuid(random),
                tenant.tenantId(),
                userId(tenant, user),
                type,
                EventTypes.FEATURE_USED.equals(type)
                        ? funnelFeature(tenant, user, feature)
                        : feature,
                time,
                time,
                properties,
                random.nextDouble() < EXTRA_FIELD_RATE ? extraField(random) : null);
    }

    /** The feature as a user at their depth of the reporting funnel uses it. */
    private String funnelFeature(TenantBehaviour tenant, int user, String feature) {
        if (!FunnelAdoption.PATH.contains(feature)) {
            return feature;
        }
        byte[] depths =
                funnelDepths.computeIfAbsent(
                        tenant.tenantId(),
                        id -> funnels.depths(tenantIndex.get(id), tenant.userPool()));
        return FunnelAdoption.featureFor(feature, depths[user], tenant.features());
    }

    /** The tenant's user id, formatted once per user rather than once per event. */
    private String userId(TenantBehaviour tenant, int user) {
        String[] ids =
                userIds.computeIfAbsent(tenant.tenantId(), id -> new String[tenant.userPool()]);
        if (ids[user] == null) {
            ids[user] = tenant.userId(user);
        }
        return ids[user];
    }

    private String feature(TenantBehaviour tenant, RandomGenerator random) {
        double[] cumulative = featureWeights.get(tenant.tenantId());
        double draw = random.nextDouble() * cumulative[cumulative.length - 1];
        for (int i = 0; i < cumulative.length; i++) {
            if (draw < cumulative[i]) {
                return tenant.features().get(i);
            }
        }
        return tenant.features().get(cumulative.length - 1);
    }

    /** Weights falling with rank (the first feature is the most used), as running sums. */
    private static double[] cumulativeWeights(int features) {
        double[] cumulative = new double[features];
        double sum = 0;
        for (int i = 0; i < features; i++) {
            sum += 1 / Math.pow(i + 1, 0.9);
            cumulative[i] = sum;
        }
        return cumulative;
    }

    private static String ticketId(RandomGenerator random) {
        return String.format(Locale.ROOT, "T-%06d", random.nextInt(1_000_000));
    }

    private static Map.Entry<String, String> extraField(RandomGenerator random) {
        return switch (random.nextInt(4)) {
            case 0 ->
                    new AbstractMap.SimpleImmutableEntry<>(
                            "clientVersion",
                            "web-4." + random.nextInt(10, 30) + "." + random.nextInt(10));
            case 1 ->
                    new AbstractMap.SimpleImmutableEntry<>(
                            "sessionId", Long.toHexString(random.nextLong()));
            case 2 ->
                    new AbstractMap.SimpleImmutableEntry<>(
                            "region", random.nextBoolean() ? "eu-west-1" : "us-east-1");
            default -> new AbstractMap.SimpleImmutableEntry<>("sdk", "pulse-js/2.3.1");
        };
    }
}
