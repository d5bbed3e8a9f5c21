// The report-schedule form as plain data: what a person typed, checked and turned into the API's
// body, and the API's refusals mapped back onto the fields. The server checks everything again.

import { ApiError } from './api/client';
import type { Cadence, NewSchedule, Schedule, ScheduleChannel, ScheduledReport, Weekday } from './api/schedules';

export const WEEKDAYS: { value: Weekday; label: string }[] = [
  { value: 'MONDAY', label: 'Monday' },
  { value: 'TUESDAY', label: 'Tuesday' },
  { value: 'WEDNESDAY', label: 'Wednesday' },
  { value: 'THURSDAY', label: 'Thursday' },
  { value: 'FRIDAY', label: 'Friday' },
  { value: 'SATURDAY', label: 'Saturday' },
  { value: 'SUNDAY', label: 'Sunday' },
];

export const REPORT_LABEL: Record<ScheduledReport, string> = {
  account: 'Account review',
  portfolio: 'Portfolio report',
  team: 'Team report',
};

/** Which body field names a report's target. */
export const TARGET_FIELD = { account: 'tenant', portfolio: 'owner', team: 'team' } as const;

export interface ScheduleDraft {
  report: ScheduledReport;
  /** The tenant, owner or team, depending on `report`. */
  target: string;
  cadence: Cadence;
  dayOfWeek: Weekday;
  dayOfMonth: string;
  time: string;
  timeZone: string;
  format: 'pdf' | 'csv';
  channels: ScheduleChannel[];
  periodDays: string;
}

/** The draft field a message belongs to; `form` for the whole form. */
export type DraftField = keyof ScheduleDraft | 'form';
export type FieldErrors = Partial<Record<DraftField, string>>;

export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

export function emptyDraft(owner = ''): ScheduleDraft {
  return {
    report: 'portfolio',
    target: owner,
    cadence: 'weekly',
    dayOfWeek: 'MONDAY',
    dayOfMonth: '1',
    time: '08:00',
    timeZone: browserTimeZone(),
    format: 'pdf',
    channels: ['email'],
    periodDays: '',
  };
}

export function isTimeZone(zone: string): boolean {
  if (!zone.includes('/') && zone !== 'UTC') return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** Either the body to send, or what is wrong with the draft, field by field. */
export function toNewSchedule(draft: ScheduleDraft): { body: NewSchedule } | { errors: FieldErrors } {
  const errors: FieldErrors = {};
  const target = draft.target.trim();
  if (!target) errors.target = `Name the ${TARGET_LABEL[draft.report].toLowerCase()}.`;
  const dayOfMonth = Number(draft.dayOfMonth);
  if (draft.cadence === 'monthly' && !(Number.isInteger(dayOfMonth) && dayOfMonth >= 1 && dayOfMonth <= 28)) {
    errors.dayOfMonth = 'Choose a day from 1 to 28 (every month has them).';
  }
  if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(draft.time)) errors.time = 'Give a time as HH:MM, e.g. 08:00.';
  const timeZone = draft.timeZone.trim();
  if (!isTimeZone(timeZone)) errors.timeZone = 'Give an IANA time zone, e.g. Europe/Berlin.';
  if (draft.channels.length === 0) errors.channels = 'Choose e-mail, chat or both.';
  const periodDays = draft.periodDays.trim() === '' ? undefined : Number(draft.periodDays);
  if (periodDays !== undefined && !(Number.isInteger(periodDays) && periodDays >= 1 && periodDays <= 731)) {
    errors.periodDays = 'Leave empty for the default, or give 1 to 731 days.';
  }
  if (Object.keys(errors).length > 0) return { errors };
  return {
    body: {
      report: draft.report,
      [TARGET_FIELD[draft.report]]: target,
      cadence: draft.cadence,
      ...(draft.cadence === 'weekly' ? { dayOfWeek: draft.dayOfWeek } : { dayOfMonth }),
      time: draft.time,
      timeZone,
      format: draft.format,
      channels: draft.channels,
      ...(periodDays === undefined ? {} : { periodDays }),
    },
  };
}

export const TARGET_LABEL: Record<ScheduledReport, string> = {
  account: 'Account (tenant id)',
  portfolio: 'Account manager (e-mail)',
  team: 'Team',
};

/** Body field names as the API reports them, mapped onto the draft. */
const FIELD_OF: Record<string, DraftField> = {
  report: 'report',
  tenant: 'target',
  owner: 'target',
  team: 'target',
  cadence: 'cadence',
  dayOfWeek: 'dayOfWeek',
  dayOfMonth: 'dayOfMonth',
  time: 'time',
  timeZone: 'timeZone',
  format: 'format',
  channels: 'channels',
  periodDays: 'periodDays',
};

function fieldOf(name: unknown): DraftField {
  if (typeof name !== 'string') return 'form';
  // A JSON pointer (`/timeZone`) or a dotted path (`channels[0]`) names its first member.
  const first = name.replace(/^#?\//, '').split(/[/.[]/)[0];
  return FIELD_OF[first] ?? 'form';
}

/**
 * A refusal as messages per field. Reads the problem's `parameter` or `field` (one field, message
 * in `detail`) and an `errors` member, either a list of `{field|parameter|name|pointer,
 * detail|message|reason}` or an object from field to message. What names no known field, and
 * every other failure, goes to `form`.
 */
export function fieldErrorsOf(error: unknown): FieldErrors {
  if (!(error instanceof ApiError)) return { form: error instanceof Error ? error.message : 'Something went wrong.' };
  const problem = error.problem ?? {};
  const errors: FieldErrors = {};
  const add = (field: DraftField, message: unknown) => {
    if (typeof message === 'string' && message && !errors[field]) errors[field] = message;
  };
  const list = problem.errors;
  if (Array.isArray(list)) {
    for (const item of list as Record<string, unknown>[]) {
      add(fieldOf(item.field ?? item.parameter ?? item.name ?? item.pointer), item.detail ?? item.message ?? item.reason);
    }
  } else if (list && typeof list === 'object') {
    for (const [name, message] of Object.entries(list as Record<string, unknown>)) {
      add(fieldOf(name), Array.isArray(message) ? message.join(' ') : message);
    }
  }
  const single = problem.field ?? problem.parameter;
  if (single !== undefined) add(fieldOf(single), error.detail);
  const fields = Object.keys(errors).filter((field) => field !== 'form').length;
  errors.form ??= fields > 0 ? `Not saved: ${(error.detail ?? 'see the marked fields').replace(/\.$/, '')}.` : (error.detail ?? error.message);
  return errors;
}

/** "Every Monday at 08:00 (Europe/Berlin)", "Monthly on day 1 at 07:30 (UTC)". */
export function describeWhen(s: Pick<NewSchedule, 'cadence' | 'dayOfWeek' | 'dayOfMonth' | 'time' | 'timeZone'>): string {
  const day = s.cadence === 'weekly'
    ? `Every ${WEEKDAYS.find((d) => d.value === s.dayOfWeek)?.label ?? s.dayOfWeek}`
    : `Monthly on day ${s.dayOfMonth}`;
  return `${day} at ${s.time} (${s.timeZone})`;
}

export function targetOf(s: Pick<Schedule, 'report' | 'tenant' | 'owner' | 'team'>): string {
  return s[TARGET_FIELD[s.report]] ?? (s.report === 'team' ? 'your team' : '–');
}
