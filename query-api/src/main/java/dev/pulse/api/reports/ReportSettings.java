package dev.pulse.api.reports;

import dev.pulse.access.schedules.ScheduleStore;
import dev.pulse.topologies.health.HealthModel;
import java.util.Objects;

/**
 * How reports are drawn and how many render at once.
 *
 * @param bands the health model's band lines, drawn as zones on the score chart
 * @param concurrent renders running at once (each keeps one core busy)
 * @param queued renders waiting beyond those; more get 503 with {@code Retry-After}
 * @param schedules where report schedules are kept; null where this instance keeps none (the
 *     schedule routes are not mounted: 404)
 */
public record ReportSettings(
        HealthModel.Bands bands, int concurrent, int queued, ScheduleStore schedules) {
    /** The default model's bands, two renders at a time, eight waiting. */
    public static final ReportSettings DEFAULT =
            new ReportSettings(new HealthModel.Bands(70, 40), 2, 8, null);

    public ReportSettings {
        Objects.requireNonNull(bands, "bands");
        if (concurrent < 1 || queued < 0) {
            throw new IllegalArgumentException("concurrent must be ≥ 1 and queued ≥ 0");
        }
    }

    public ReportSettings withBands(HealthModel.Bands modelBands) {
        return new ReportSettings(modelBands, concurrent, queued, schedules);
    }

    public ReportSettings withSchedules(ScheduleStore store) {
        return new ReportSettings(bands, concurrent, queued, store);
    }
}
