import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client';

// Report schedules (`/v1/report-schedules`): a person's reports sent by e-mail and/or chat,
// weekly or monthly, in their time zone.

export type ScheduledReport = 'account' | 'portfolio' | 'team';
export type Cadence = 'weekly' | 'monthly';
export type Weekday = 'MONDAY' | 'TUESDAY' | 'WEDNESDAY' | 'THURSDAY' | 'FRIDAY' | 'SATURDAY' | 'SUNDAY';
export type ScheduleChannel = 'email' | 'chat';

/** The body of `POST /v1/report-schedules`. */
export interface NewSchedule {
  report: ScheduledReport;
  tenant?: string;
  owner?: string;
  team?: string;
  cadence: Cadence;
  dayOfWeek?: Weekday;
  dayOfMonth?: number;
  /** Local time, `HH:mm`. */
  time: string;
  /** IANA time zone, e.g. `Europe/Berlin`. */
  timeZone: string;
  format: 'pdf' | 'csv';
  channels: ScheduleChannel[];
  periodDays?: number;
}

export interface Schedule extends NewSchedule {
  id: string;
  createdBy: string;
  createdAt: string;
  nextRunAt: string;
}

const KEY = ['report-schedules'];

export function useSchedules() {
  return useQuery({ queryKey: KEY, queryFn: () => api<{ schedules: Schedule[] }>('/v1/report-schedules') });
}

export function useCreateSchedule() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: NewSchedule) => api<Schedule>('/v1/report-schedules', { method: 'POST', body: input }),
    onSuccess: () => void client.invalidateQueries({ queryKey: KEY }),
  });
}

export function useCancelSchedule() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<void>(`/v1/report-schedules/${encodeURIComponent(id)}`, { method: 'DELETE' }),
    onSuccess: () => void client.invalidateQueries({ queryKey: KEY }),
  });
}
