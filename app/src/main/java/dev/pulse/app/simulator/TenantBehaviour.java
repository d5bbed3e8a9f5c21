package dev.pulse.app.simulator;

import io.soabase.recordbuilder.core.RecordBuilder;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * How one simulated tenant uses the product: the parameters of its pattern, and the dated effects
 * (a fade, growth, calendar peaks, holidays…) that move its usage away from normal on some days.
 * Volume calibration scales it with {@code withIntensity(…)}, from the generated {@code
 * TenantBehaviourBuilder}.
 *
 * @param utilisation engaged users over licensed seats on an ordinary day
 * @param intensity usage events (logins, feature use, API calls) per engaged user per weekday
 * @param loginShare share of usage events that are logins
 * @param apiShare share of usage events that are API calls; the rest is feature use (both are key
 *     actions)
 * @param features features this tenant uses, most used first: core ones and a few others
 * @param ticketsPer10SeatsPerMonth support tickets opened per 10 licensed seats in 30 days
 * @param npsMean average NPS answer (0–10)
 * @param effects what changes its usage on which days; they multiply
 */
@RecordBuilder
public record TenantBehaviour(
        String tenantId,
        UsagePattern pattern,
        long licensedSeats,
        double utilisation,
        double intensity,
        double loginShare,
        double apiShare,
        List<String> features,
        double ticketsPer10SeatsPerMonth,
        double npsMean,
        List<UsageEffect> effects)
        implements TenantBehaviourBuilder.With {

    /** Even the smallest lukewarm tenant has a few users, or its trend would be noise. */
    static final int MIN_ENGAGED_USERS = 3;

    public TenantBehaviour {
        features = List.copyOf(features);
        effects = List.copyOf(effects);
    }

    /** The first effect of this type, if the tenant has one. */
    public <T extends UsageEffect> Optional<T> effect(Class<T> type) {
        return effects.stream().filter(type::isInstance).map(type::cast).findFirst();
    }

    /** How many distinct users this tenant ever has; user ids are indices into this pool. */
    public int userPool() {
        double peak = 1;
        for (UsageEffect effect : effects) {
            peak *= effect.peakUsers();
        }
        int pool = (int) Math.ceil(utilisation * peak * licensedSeats);
        return (int) Math.min(licensedSeats + 20, Math.max(minEngagedUsers(), pool));
    }

    /** A stable, opaque user id for the given index of the pool. */
    public String userId(int index) {
        long h = RandomStreams.mix(tenantId.hashCode() * 0x100000001B3L + index);
        return String.format(Locale.ROOT, "usr_%010x", h & 0xFF_FFFF_FFFFL);
    }

    /** The behaviour on a UTC day: the tenant's normal, times every effect on that day. */
    DayShape shapeOn(LocalDate day) {
        DayLevel level = DayLevel.NORMAL;
        for (UsageEffect effect : effects) {
            level = level.times(effect.on(day));
        }
        if (level.users() <= 0 || level.activeDayChance() <= 0) {
            return DayShape.SILENT;
        }
        return new DayShape(
                users(utilisation * level.users()),
                level.depth(),
                level.activeDayChance(),
                level.supportLoad(),
                level.volume());
    }

    /**
     * Usage events expected on an active weekday with this shape. Depth scales key actions (feature
     * use, API calls) only: users who disengage still log in, but do less.
     */
    double usagePerWeekday(DayShape shape) {
        return shape.volume()
                * shape.engagedUsers()
                * intensity
                * (loginShare + (1 - loginShare) * shape.depth());
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
        return pattern == UsagePattern.EXPANDING ? 0.3 : 0;
    }

    /** Small accounts have as few users as they have; everyone else at least a few. */
    private int minEngagedUsers() {
        return pattern == UsagePattern.SMALL ? 1 : MIN_ENGAGED_USERS;
    }

    private int users(double share) {
        int floor = Math.min(minEngagedUsers(), userPool());
        return Math.max(floor, Math.min(userPool(), (int) Math.round(share * licensedSeats)));
    }
}
