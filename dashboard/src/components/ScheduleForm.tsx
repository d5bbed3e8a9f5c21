import { useMemo, useState, type FormEvent, type ReactNode } from 'react';
import { usePortfolio } from '../lib/api/portfolio';
import { useCreateSchedule, type ScheduleChannel, type ScheduledReport } from '../lib/api/schedules';
import {
  emptyDraft,
  fieldErrorsOf,
  REPORT_LABEL,
  TARGET_LABEL,
  toNewSchedule,
  WEEKDAYS,
  type DraftField,
  type FieldErrors,
  type ScheduleDraft,
} from '../lib/scheduleForm';

const CHANNELS: { value: ScheduleChannel; label: string }[] = [
  { value: 'email', label: 'E-mail' },
  { value: 'chat', label: 'Chat' },
];

/** Every IANA zone the browser knows, offered as suggestions; typing any valid zone works too. */
function timeZones(): string[] {
  const intl = Intl as typeof Intl & { supportedValuesOf?: (key: string) => string[] };
  return intl.supportedValuesOf?.('timeZone') ?? [];
}

/** A labelled control with its error message, tied together for screen readers. */
function Field({ field, label, errors, children }: {
  field: DraftField;
  label: string;
  errors: FieldErrors;
  children: (control: { id: string; 'data-testid': string; 'aria-invalid': boolean; 'aria-describedby'?: string }) => ReactNode;
}) {
  const id = `schedule-${field}`;
  const message = errors[field];
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children({ id, 'data-testid': id, 'aria-invalid': !!message, 'aria-describedby': message ? `${id}-error` : undefined })}
      {message && <span id={`${id}-error`} className="field-error" data-testid={`${id}-error`}>{message}</span>}
    </div>
  );
}

/** Creates a report schedule; checks the draft first, then shows the API's refusal per field. */
export function ScheduleForm({ owner, teams }: { owner: string; teams: boolean }) {
  const [draft, setDraft] = useState<ScheduleDraft>(() => emptyDraft(owner));
  const [errors, setErrors] = useState<FieldErrors>({});
  const create = useCreateSchedule();
  const accounts = usePortfolio(undefined, false);
  // Hundreds of options: built once, so typing does not re-render them.
  const zoneList = useMemo(() => (
    <datalist id="schedule-zones">
      {timeZones().map((z) => <option key={z} value={z} />)}
    </datalist>
  ), []);
  const change = (next: Partial<ScheduleDraft>) => setDraft((d) => ({ ...d, ...next }));

  const chooseReport = (report: ScheduledReport) => change({ report, target: report === 'portfolio' ? owner : '' });
  const toggle = (channel: ScheduleChannel, on: boolean) =>
    change({ channels: on ? [...draft.channels, channel] : draft.channels.filter((c) => c !== channel) });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const checked = toNewSchedule(draft);
    if ('errors' in checked) {
      setErrors(checked.errors);
      return;
    }
    setErrors({});
    create.mutate(checked.body, {
      onSuccess: () => setDraft(emptyDraft(owner)),
      onError: (error) => setErrors(fieldErrorsOf(error)),
    });
  };

  return (
    <form className="schedule-form" aria-labelledby="schedule-form-heading" data-testid="schedule-form" onSubmit={submit} noValidate>
      <h2 id="schedule-form-heading">New schedule</h2>
      <div className="inline-form">
        <Field field="report" label="Report" errors={errors}>
          {(a11y) => (
            <select {...a11y} value={draft.report} onChange={(e) => chooseReport(e.target.value as ScheduledReport)}>
              {(['account', 'portfolio', ...(teams ? ['team'] : [])] as ScheduledReport[]).map((r) => (
                <option key={r} value={r}>{REPORT_LABEL[r]}</option>
              ))}
            </select>
          )}
        </Field>
        <Field field="target" label={TARGET_LABEL[draft.report]} errors={errors}>
          {(a11y) => (
            <input {...a11y} value={draft.target} list={draft.report === 'account' ? 'schedule-accounts' : undefined}
              type={draft.report === 'portfolio' ? 'email' : 'text'} onChange={(e) => change({ target: e.target.value })} />
          )}
        </Field>
        <datalist id="schedule-accounts">
          {accounts.data?.accounts.map((a) => <option key={a.tenantId} value={a.tenantId}>{a.name}</option>)}
        </datalist>
        <Field field="cadence" label="How often" errors={errors}>
          {(a11y) => (
            <select {...a11y} value={draft.cadence} onChange={(e) => change({ cadence: e.target.value as ScheduleDraft['cadence'] })}>
              <option value="weekly">Weekly</option>
              <option value="monthly">Monthly</option>
            </select>
          )}
        </Field>
        {draft.cadence === 'weekly' ? (
          <Field field="dayOfWeek" label="On" errors={errors}>
            {(a11y) => (
              <select {...a11y} value={draft.dayOfWeek} onChange={(e) => change({ dayOfWeek: e.target.value as ScheduleDraft['dayOfWeek'] })}>
                {WEEKDAYS.map((d) => <option key={d.value} value={d.value}>{d.label}</option>)}
              </select>
            )}
          </Field>
        ) : (
          <Field field="dayOfMonth" label="Day of the month (1–28)" errors={errors}>
            {(a11y) => <input {...a11y} type="number" min={1} max={28} value={draft.dayOfMonth} onChange={(e) => change({ dayOfMonth: e.target.value })} />}
          </Field>
        )}
        <Field field="time" label="At (local time)" errors={errors}>
          {(a11y) => <input {...a11y} type="time" value={draft.time} onChange={(e) => change({ time: e.target.value })} />}
        </Field>
        <Field field="timeZone" label="Time zone" errors={errors}>
          {(a11y) => <input {...a11y} list="schedule-zones" value={draft.timeZone} onChange={(e) => change({ timeZone: e.target.value })} />}
        </Field>
        {zoneList}
        <Field field="format" label="Format" errors={errors}>
          {(a11y) => (
            <select {...a11y} value={draft.format} onChange={(e) => change({ format: e.target.value as ScheduleDraft['format'] })}>
              <option value="pdf">PDF</option>
              <option value="csv">CSV (zip)</option>
            </select>
          )}
        </Field>
        <Field field="periodDays" label="Period in days (optional)" errors={errors}>
          {(a11y) => <input {...a11y} type="number" min={1} max={731} value={draft.periodDays} onChange={(e) => change({ periodDays: e.target.value })} />}
        </Field>
        <fieldset aria-describedby={errors.channels ? 'schedule-channels-error' : undefined}>
          <legend>Send by</legend>
          {CHANNELS.map((c) => (
            <label key={c.value} className="checkbox">
              <input type="checkbox" data-testid={`schedule-channel-${c.value}`} checked={draft.channels.includes(c.value)}
                onChange={(e) => toggle(c.value, e.target.checked)} />
              {c.label}
            </label>
          ))}
          {errors.channels && <span id="schedule-channels-error" className="field-error" data-testid="schedule-channels-error">{errors.channels}</span>}
        </fieldset>
        <button type="submit" data-testid="schedule-create" disabled={create.isPending}>Create schedule</button>
      </div>
      {errors.form && <p role="alert" className="notice notice-error" data-testid="schedule-form-error">{errors.form}</p>}
      {create.isSuccess && !errors.form && <p role="status" className="ok" data-testid="schedule-created">Schedule created.</p>}
    </form>
  );
}
