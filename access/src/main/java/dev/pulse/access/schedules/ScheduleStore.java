package dev.pulse.access.schedules;

import java.util.List;
import java.util.Optional;

/** Where schedules are kept. Every instance sees every schedule; writes are read back at once. */
public interface ScheduleStore {
    void save(ReportSchedule schedule);

    /** Removes the schedule; false when there was none with that id. */
    boolean delete(String id);

    Optional<ReportSchedule> get(String id);

    /** Every schedule, in no particular order. */
    List<ReportSchedule> all();
}
