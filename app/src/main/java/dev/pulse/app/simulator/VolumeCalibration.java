package dev.pulse.app.simulator;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Scales every tenant's usage intensity so that the whole base sends a target number of events on
 * an average weekday of the given days, whatever mix of patterns and sizes it has.
 */
public final class VolumeCalibration {
    /** Days of history the demo's volume is calibrated over, however many are replayed. */
    static final int CALIBRATION_DAYS = 60;

    private VolumeCalibration() {}

    /**
     * The same tenants, each with its intensity scaled by one common factor.
     *
     * @param days the days to average over; only weekdays count
     * @param eventsPerWeekday records of every type the whole base should send on such a weekday
     */
    public static List<TenantBehaviour> calibrate(
            List<TenantBehaviour> behaviours, List<LocalDate> days, double eventsPerWeekday) {
        double usage = 0;
        double other = 0;
        int weekdays = 0;
        for (LocalDate day : days) {
            if (Seasonality.dayFactor(day) < 1) {
                continue;
            }
            weekdays++;
            for (TenantBehaviour behaviour : behaviours) {
                DayShape shape = behaviour.shapeOn(day);
                if (shape.engagedUsers() == 0) {
                    continue; // a silent day: no records at all
                }
                usage += behaviour.usagePerWeekday(shape) * shape.activeDayChance();
                other +=
                        shape.activeDayChance()
                                * (behaviour.ticketsPerWeekday(shape)
                                                * (1 + TrafficModel.CLOSED_PER_OPENED)
                                        + behaviour.npsAnswersPerWeekday()
                                        + behaviour.seatAdditionsPerWeekday());
            }
        }
        if (weekdays == 0 || usage <= 0) {
            throw new IllegalArgumentException("no weekday with any usage to calibrate on");
        }
        double scale = Math.max(0, eventsPerWeekday - other / weekdays) / (usage / weekdays);
        return behaviours.stream().map(b -> b.withIntensity(b.intensity() * scale)).toList();
    }

    /** The {@value #CALIBRATION_DAYS} days before {@code today}. */
    static List<LocalDate> daysBefore(LocalDate today) {
        List<LocalDate> days = new ArrayList<>();
        for (int back = 1; back <= CALIBRATION_DAYS; back++) {
            days.add(today.minusDays(back));
        }
        return days;
    }
}
