import { describe, expect, it } from 'vitest';
import { ApiError } from './api/client';
import { describeWhen, emptyDraft, fieldErrorsOf, toNewSchedule, type ScheduleDraft } from './scheduleForm';

const draft = (changes: Partial<ScheduleDraft> = {}): ScheduleDraft => ({ ...emptyDraft('sarah@example.com'), timeZone: 'Europe/Berlin', ...changes });

describe('schedule form', () => {
  it("starts with the person's portfolio, weekly on Monday at 08:00, PDF by e-mail, in the browser's zone", () => {
    const empty = emptyDraft('sarah@example.com');
    expect(empty).toMatchObject({ report: 'portfolio', target: 'sarah@example.com', cadence: 'weekly', dayOfWeek: 'MONDAY', time: '08:00', format: 'pdf', channels: ['email'] });
    expect(empty.timeZone).toBe(Intl.DateTimeFormat().resolvedOptions().timeZone);
  });

  it('sends the weekly day only for weekly schedules and the target under its own name', () => {
    expect(toNewSchedule(draft())).toEqual({
      body: { report: 'portfolio', owner: 'sarah@example.com', cadence: 'weekly', dayOfWeek: 'MONDAY', time: '08:00', timeZone: 'Europe/Berlin', format: 'pdf', channels: ['email'] },
    });
    expect(toNewSchedule(draft({ report: 'account', target: ' acme.io ', cadence: 'monthly', dayOfMonth: '28', format: 'csv', channels: ['email', 'chat'], periodDays: '90' }))).toEqual({
      body: { report: 'account', tenant: 'acme.io', cadence: 'monthly', dayOfMonth: 28, time: '08:00', timeZone: 'Europe/Berlin', format: 'csv', channels: ['email', 'chat'], periodDays: 90 },
    });
    expect(toNewSchedule(draft({ report: 'team', target: 'EMEA' }))).toMatchObject({ body: { report: 'team', team: 'EMEA' } });
  });

  it('refuses what the server would, field by field', () => {
    const result = toNewSchedule(draft({ report: 'account', target: '', cadence: 'monthly', dayOfMonth: '29', time: '25:00', timeZone: 'Mars/Olympus', channels: [], periodDays: '0' }));
    expect('errors' in result && Object.keys(result.errors).sort()).toEqual(['channels', 'dayOfMonth', 'periodDays', 'target', 'time', 'timeZone']);
    // A weekly schedule ignores the day of the month.
    expect(toNewSchedule(draft({ dayOfMonth: '31' }))).toHaveProperty('body');
  });

  it("maps the API's problem onto the fields, whatever shape it names them in", () => {
    const problem = (body: Record<string, unknown>) => new ApiError(400, 'Bad request', body.detail as string | undefined, undefined, body);
    expect(fieldErrorsOf(problem({ detail: "parameter 'timeZone' is unknown", parameter: 'timeZone' }))).toEqual({
      timeZone: "parameter 'timeZone' is unknown",
      form: "Not saved: parameter 'timeZone' is unknown.",
    });
    expect(fieldErrorsOf(problem({ detail: 'invalid schedule', errors: [{ field: 'dayOfMonth', message: 'at most 28' }, { pointer: '/tenant', detail: 'not yours' }] }))).toEqual({
      dayOfMonth: 'at most 28', target: 'not yours', form: 'Not saved: invalid schedule.',
    });
    expect(fieldErrorsOf(problem({ errors: { channels: ['chat is not configured'] } }))).toMatchObject({ channels: 'chat is not configured' });
    expect(fieldErrorsOf(new ApiError(403, 'Forbidden', 'not your team'))).toEqual({ form: 'not your team' });
  });

  it('describes when a schedule runs', () => {
    expect(describeWhen({ cadence: 'weekly', dayOfWeek: 'FRIDAY', time: '17:30', timeZone: 'America/New_York' })).toBe('Every Friday at 17:30 (America/New_York)');
    expect(describeWhen({ cadence: 'monthly', dayOfMonth: 1, time: '08:00', timeZone: 'UTC' })).toBe('Monthly on day 1 at 08:00 (UTC)');
  });
});
