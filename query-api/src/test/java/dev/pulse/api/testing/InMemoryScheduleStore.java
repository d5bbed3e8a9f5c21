package dev.pulse.api.testing;

import dev.pulse.access.schedules.ReportSchedule;
import dev.pulse.access.schedules.ScheduleStore;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Report schedules in a map, for tests that need the schedule routes mounted. */
public final class InMemoryScheduleStore implements ScheduleStore {
    private final Map<String, ReportSchedule> schedules = new ConcurrentHashMap<>();

    @Override
    public void save(ReportSchedule schedule) {
        schedules.put(schedule.id(), schedule);
    }

    @Override
    public boolean delete(String id) {
        return schedules.remove(id) != null;
    }

    @Override
    public Optional<ReportSchedule> get(String id) {
        return Optional.ofNullable(schedules.get(id));
    }

    @Override
    public List<ReportSchedule> all() {
        return List.copyOf(schedules.values());
    }
}
