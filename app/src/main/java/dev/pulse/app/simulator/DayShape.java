package dev.pulse.app.simulator;

/**
 * A tenant's behaviour on one day, before randomness.
 *
 * @param engagedUsers users who use the product in this period (a prefix of the tenant's pool)
 * @param depth key actions per active user, relative to the tenant's usual 1.0
 * @param activeDayChance share of days on which the tenant shows any activity at all
 * @param supportLoad support tickets relative to the tenant's usual rate
 * @param volume traffic relative to the usual: scales both how many users show up and how much they
 *     do (calendar peaks, dips, holidays)
 */
record DayShape(
        int engagedUsers, double depth, double activeDayChance, double supportLoad, double volume) {
    static final DayShape SILENT = new DayShape(0, 0, 0, 0, 0);
}
