package dev.pulse.app.simulator;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Scales every tenant's usage intensity so that the whole base sends a target number of events on
 * an average weekday of the simulated history, whatever mix of archetypes and sizes it has.
 */
final class VolumeCalibration {
    /** Days of history the volume is calibrated over, independent of how many are replayed. */
    static final int CALIBRATION_DAYS = 60;

    private VolumeCalibration() {}

    /** The same tenants, each with its intensity scaled by one common factor. */
    static List<TenantBehaviour> calibrate(
            List<TenantBehaviour> behaviours, Instant anchor, double eventsPerWeekday) {
        LocalDate today = LocalDate.ofInstant(anchor, ZoneOffset.UTC);
        double usage = 0;
        double other = 0;
        int weekdays = 0;
        for (int back = 1; back <= CALIBRATION_DAYS; back++) {
            LocalDate day = today.minusDays(back);
            if (Seasonality.dayFactor(day) < 1) {
                continue;
            }
            weekdays++;
            for (TenantBehaviour behaviour : behaviours) {
                DayShape shape = behaviour.shapeOn(day, anchor);
                usage += behaviour.usagePerWeekday(shape) * shape.activeDayChance();
                other +=
                        shape.activeDayChance()
                                * (behaviour.ticketsPerWeekday(shape)
                                                * (1 + TrafficModel.CLOSED_PER_OPENED)
                                        + behaviour.npsAnswersPerWeekday()
                                        + behaviour.seatAdditionsPerWeekday());
            }
        }
        double scale = (eventsPerWeekday - other / weekdays) / (usage / weekdays);
        return behaviours.stream().map(b -> b.withIntensity(b.intensity() * scale)).toList();
    }
}
