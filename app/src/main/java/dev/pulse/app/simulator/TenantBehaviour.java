package dev.pulse.app.simulator;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;

/**
 * How one demo tenant uses the product, as parameters of its archetype. Time-dependent behaviour
 * (decline, growth, silence) is measured in days before the anchor, the moment the replay ends and
 * live traffic begins; after the anchor a tenant keeps the state it reached.
 *
 * @param utilisation engaged users over licensed seats at the start (the whole time, unless the
 *     archetype changes it)
 * @param intensity usage events (logins, feature use, API calls) per engaged user per weekday
 * @param loginShare share of usage events that are logins
 * @param apiShare share of usage events that are API calls; the rest is feature use (both are key
 *     actions)
 * @param features features this tenant uses, most used first: core ones and a few others
 * @param ticketsPer10SeatsPerMonth support tickets opened per 10 licensed seats in 30 days
 * @param npsMean average NPS answer (0–10)
 * @param endUtilisation expanding tenants: utilisation reached at the anchor; otherwise equal to
 *     {@code utilisation}
 * @param endVolume declining tenants: roughly the share of daily usage left at the anchor
 *     (0.15–0.3), so that the last week has about 55–80% fewer events than the weeks before;
 *     otherwise 1
 * @param silentDays idle tenants: days without any activity before the anchor; otherwise 0
 */
public record TenantBehaviour(
        String tenantId,
        Archetype archetype,
        long licensedSeats,
        double utilisation,
        double intensity,
        double loginShare,
        double apiShare,
        List<String> features,
        double ticketsPer10SeatsPerMonth,
        double npsMean,
        double endUtilisation,
        double endVolume,
        int silentDays) {

    /** Days over which a declining tenant's usage falls. */
    public static final int DECLINE_DAYS = 21;

    /** Days over which an expanding tenant grows to its end utilisation. */
    public static final int GROWTH_DAYS = 60;

    /** Even the smallest lukewarm tenant has a few users, or its trend would be noise. */
    static final int MIN_ENGAGED_USERS = 3;

    private static final double DAY_MS = Duration.ofDays(1).toMillis();

    public TenantBehaviour {
        features = List.copyOf(features);
    }

    /** The same tenant with a different usage intensity (used to calibrate total volume). */
    TenantBehaviour withIntensity(double newIntensity) {
        return new TenantBehaviour(
                tenantId,
                archetype,
                licensedSeats,
                utilisation,
                newIntensity,
                loginShare,
                apiShare,
                features,
                ticketsPer10SeatsPerMonth,
                npsMean,
                endUtilisation,
                endVolume,
                silentDays);
    }

    /** How many distinct users this tenant ever has; user ids are indices into this pool. */
    public int userPool() {
        int pool = (int) Math.ceil(Math.max(utilisation, endUtilisation) * licensedSeats);
        return (int) Math.min(licensedSeats + 20, Math.max(MIN_ENGAGED_USERS, pool));
    }

    /** A stable, opaque user id for the given index of the pool. */
    public String userId(int index) {
        long h = RandomStreams.mix(tenantId.hashCode() * 0x100000001B3L + index);
        return String.format(Locale.ROOT, "usr_%010x", h & 0xFF_FFFF_FFFFL);
    }

    /** The behaviour on a UTC day, for a replay or live traffic that ends at {@code anchor}. */
    DayShape shapeOn(LocalDate day, Instant anchor) {
        long midday = day.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli() + 43_200_000L;
        double daysBefore = Math.max(0, (anchor.toEpochMilli() - midday) / DAY_MS);
        return shapeAt(daysBefore);
    }

    /** The behaviour {@code daysBefore} days before the anchor (0 at and after it). */
    DayShape shapeAt(double daysBefore) {
        return switch (archetype) {
            case STEADY_HEALTHY, LUKEWARM, SUPPORT_HEAVY ->
                    new DayShape(users(utilisation), 1, 1, 1);
            case IDLE ->
                    daysBefore < silentDays
                            ? DayShape.SILENT
                            : new DayShape(users(utilisation), 1, 1, 1);
            case EXPANDING -> {
                double progress = 1 - Math.min(1, daysBefore / GROWTH_DAYS);
                double share = utilisation + (endUtilisation - utilisation) * progress;
                yield new DayShape(users(share), 1 + 0.25 * progress, 1, 1);
            }
            case DECLINING -> {
                double t = 1 - Math.min(1, daysBefore / DECLINE_DAYS);
                double early = 1 - Math.pow(1 - t, 3);
                // Some users drop out early, the team shows up on fewer and fewer days, those who
                // still come do less, and tickets pile up.
                double users = 1 - (1 - Math.pow(endVolume, 0.25)) * early;
                double active = 1 - (1 - Math.pow(endVolume, 0.70)) * (1 - Math.pow(1 - t, 2));
                double depth = 1 - (1 - Math.pow(endVolume, 0.50)) * Math.pow(t, 1.5);
                yield new DayShape(users(utilisation * users), depth, active, 1 + 3 * t * t * t);
            }
        };
    }

    /**
     * Usage events expected on an active weekday with this shape. Depth scales key actions (feature
     * use, API calls) only: users who disengage still log in, but do less.
     */
    double usagePerWeekday(DayShape shape) {
        return shape.engagedUsers() * intensity * (loginShare + (1 - loginShare) * shape.depth());
    }

    /** Share of the usage events on a day with this shape that are logins. */
    double loginShareOn(DayShape shape) {
        return loginShare / (loginShare + (1 - loginShare) * shape.depth());
    }

    /** Support tickets opened per weekday (weekends carry the usual quarter). */
    double ticketsPerWeekday(DayShape shape) {
        return shape.supportLoad()
                * licensedSeats
                / 10.0
                * ticketsPer10SeatsPerMonth
                / 30
                / Seasonality.MEAN_DAY_FACTOR;
    }

    /** NPS answers per weekday: a few a month, more for bigger customers. */
    double npsAnswersPerWeekday() {
        return (0.03 + 0.0025 * licensedSeats) / Seasonality.MEAN_DAY_FACTOR;
    }

    /** Seats added per weekday: only expanding tenants buy seats. */
    double seatAdditionsPerWeekday() {
        return archetype == Archetype.EXPANDING ? 0.3 : 0;
    }

    private int users(double share) {
        int floor = Math.min(MIN_ENGAGED_USERS, userPool());
        return Math.max(floor, Math.min(userPool(), (int) Math.round(share * licensedSeats)));
    }
}
