package dev.pulse.access.schedules;

import dev.pulse.streams.follow.KeyedStore;

/** Where schedules are kept. Every instance sees every schedule; writes are read back at once. */
public interface ScheduleStore extends KeyedStore<ReportSchedule> {}
