package dev.pulse.app.simulator;

/**
 * A tenant's usage on one day relative to its normal: 1 in every field is an ordinary day. The
 * {@link UsageEffect}s of a tenant multiply into it.
 *
 * @param users share of the tenant's engaged users who are still engaged (above 1 when it grows)
 * @param depth key actions per active user
 * @param activeDayChance share of days on which the tenant shows up at all
 * @param supportLoad support tickets
 * @param volume the day's traffic: how many users show up and how much they do; calendar effects
 *     (peaks, dips, holidays) change only this
 */
public record DayLevel(
        double users, double depth, double activeDayChance, double supportLoad, double volume) {
    public static final DayLevel NORMAL = new DayLevel(1, 1, 1, 1, 1);
    public static final DayLevel SILENT = new DayLevel(0, 0, 0, 0, 0);

    /** An ordinary day with this much traffic. */
    public static DayLevel ofVolume(double volume) {
        return new DayLevel(1, 1, 1, 1, volume);
    }

    DayLevel times(DayLevel other) {
        return new DayLevel(
                users * other.users,
                depth * other.depth,
                activeDayChance * other.activeDayChance,
                supportLoad * other.supportLoad,
                volume * other.volume);
    }
}
