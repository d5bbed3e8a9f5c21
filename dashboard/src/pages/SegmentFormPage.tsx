import { useState, type FormEvent, type ReactNode } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { ApiError } from '../lib/api/client';
import { useSaveSegment, useSegmentPreview, useSegments, type Segment } from '../lib/api/segments';
import type { Band, Me } from '../lib/api/types';
import { BAND_LABEL, score } from '../lib/format';
import { paths, segmentPath } from '../lib/paths';
import { mayManageSegments } from '../lib/permissions';
import {
  BANDS,
  criteriaOf,
  draftOf,
  emptyDraft,
  inputOf,
  segmentErrorsOf,
  type DraftField,
  type FieldErrors,
  type SegmentDraft,
} from '../lib/segmentCriteria';
import { DEFAULT_STAGES } from '../lib/stages';
import { AccountTable, COLUMN_LABEL, useSortedAccounts } from '../components/AccountTable';
import { Empty, ErrorState, QueryState } from '../components/ErrorState';
import { Refusal } from '../components/Refusal';

type Control = { id: string; 'data-testid': string; 'aria-invalid': boolean; 'aria-describedby'?: string };

/** A labelled control with its message, tied together for screen readers. */
function Field({ field, label, errors, hint, children }: {
  field: DraftField;
  label: string;
  errors: FieldErrors;
  hint?: string;
  children: (control: Control) => ReactNode;
}) {
  const id = `segment-${field}`;
  const message = errors[field];
  const described = [hint ? `${id}-hint` : '', message ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children({ id, 'data-testid': id, 'aria-invalid': !!message, 'aria-describedby': described || undefined })}
      {hint && <span id={`${id}-hint`} className="muted hint">{hint}</span>}
      {message && <span id={`${id}-error`} className="field-error" data-testid={`${id}-error`}>{message}</span>}
    </div>
  );
}

function Preview({ preview }: { preview: ReturnType<typeof useSegmentPreview> }) {
  const { rows, sort, onSort } = useSortedAccounts(preview.data?.accounts);
  if (preview.isIdle) return null;
  return (
    <section aria-labelledby="preview-heading" data-testid="segment-preview" aria-live="polite">
      <h2 id="preview-heading">Preview</h2>
      {preview.isPending && <p role="status" className="loading">Finding the matching accounts…</p>}
      {preview.isError && <ErrorState error={preview.error} what="the preview" />}
      {preview.data && (
        <>
          <p role="status" data-testid="segment-preview-count" data-size={preview.data.size}>
            {preview.data.size === 1 ? '1 account matches' : `${preview.data.size} accounts match`}
            {preview.data.averageScore !== null && preview.data.averageScore !== undefined ? `, average score ${score(preview.data.averageScore)}` : ''}.
          </p>
          {rows.length === 0 ? (
            <Empty>No account matches these criteria.</Empty>
          ) : (
            <AccountTable rows={rows} sort={sort} onSort={onSort} rowTestId="segment-preview-row"
              caption={`Accounts matching the criteria; sorted by ${COLUMN_LABEL[sort.column]}`} />
          )}
        </>
      )}
    </section>
  );
}

const NUMBER_PAIRS: { label: string; min: DraftField; max: DraftField; step?: string }[] = [
  { label: 'Score', min: 'scoreMin', max: 'scoreMax' },
  { label: '7-day change', min: 'delta7dMin', max: 'delta7dMax' },
  { label: '30-day change', min: 'delta30dMin', max: 'delta30dMax' },
  { label: 'ARR', min: 'arrMin', max: 'arrMax', step: '1000' },
];

function SegmentForm({ segment }: { segment?: Segment }) {
  const [draft, setDraft] = useState<SegmentDraft>(() => (segment ? draftOf(segment) : emptyDraft()));
  const [errors, setErrors] = useState<FieldErrors>({});
  const save = useSaveSegment(segment?.id);
  const preview = useSegmentPreview();
  const navigate = useNavigate();
  const change = (next: Partial<SegmentDraft>) => setDraft((d) => ({ ...d, ...next }));
  const text = (field: keyof SegmentDraft & DraftField) => (control: Control) => (
    <input {...control} value={draft[field] as string} onChange={(e) => change({ [field]: e.target.value })} />
  );
  const number = (field: keyof SegmentDraft & DraftField, step = 'any') => (control: Control) => (
    <input {...control} type="number" step={step} value={draft[field] as string} onChange={(e) => change({ [field]: e.target.value })} />
  );
  const toggle = <T extends string>(values: T[], value: T, on: boolean) => (on ? [...values, value] : values.filter((v) => v !== value));

  const runPreview = () => {
    const checked = criteriaOf(draft);
    if ('errors' in checked) {
      setErrors(checked.errors);
      return;
    }
    setErrors({});
    preview.mutate(checked.criteria);
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const checked = inputOf(draft);
    if ('errors' in checked) {
      setErrors(checked.errors);
      return;
    }
    setErrors({});
    save.mutate(checked.body, {
      onSuccess: (saved) => navigate(segmentPath(saved?.id ?? segment?.id ?? '')),
      onError: (error) => setErrors(segmentErrorsOf(error)),
    });
  };
  const refused = save.error instanceof ApiError && save.error.status === 403;

  return (
    <>
      <form className="segment-form" data-testid="segment-form" aria-labelledby="segment-form-heading" onSubmit={submit} noValidate>
        <h1 id="segment-form-heading">{segment ? `Edit ${segment.name}` : 'New segment'}</h1>
        <div className="inline-form">
          <Field field="name" label="Name" errors={errors}>{text('name')}</Field>
          <Field field="description" label="Description (optional)" errors={errors}>{text('description')}</Field>
        </div>
        <fieldset>
          <legend>Accounts</legend>
          <Field field="plans" label="Plans" hint="Comma-separated" errors={errors}>{text('plans')}</Field>
          <Field field="segments" label="Customer segments" hint="Comma-separated" errors={errors}>{text('segments')}</Field>
          <Field field="owners" label="Account managers (e-mail)" hint="Comma-separated" errors={errors}>{text('owners')}</Field>
          <Field field="teams" label="Teams" hint="Comma-separated" errors={errors}>{text('teams')}</Field>
          <Field field="renewalWithinDays" label="Renews within (days)" errors={errors}>{number('renewalWithinDays', '1')}</Field>
        </fieldset>
        <fieldset>
          <legend>Health</legend>
          <div className="field" role="group" aria-labelledby="segment-bands-label">
            <span id="segment-bands-label" className="group-label">Bands</span>
            {BANDS.map((band: Band) => (
              <label key={band} className="checkbox">
                <input type="checkbox" data-testid={`segment-band-${band}`} checked={draft.bands.includes(band)}
                  onChange={(e) => change({ bands: toggle(draft.bands, band, e.target.checked) })} />
                {BAND_LABEL[band]}
              </label>
            ))}
          </div>
          <Field field="atRisk" label="At risk now" errors={errors}>
            {(control) => (
              <select {...control} value={draft.atRisk} onChange={(e) => change({ atRisk: e.target.value as SegmentDraft['atRisk'] })}>
                <option value="">Either</option>
                <option value="yes">Only accounts at risk</option>
                <option value="no">Only accounts not at risk</option>
              </select>
            )}
          </Field>
          {NUMBER_PAIRS.map((pair) => (
            <div key={pair.label} className="range-pair">
              <Field field={pair.min} label={`${pair.label} from`} errors={errors}>{number(pair.min as keyof SegmentDraft & DraftField, pair.step)}</Field>
              <Field field={pair.max} label={`${pair.label} to`} errors={errors}>{number(pair.max as keyof SegmentDraft & DraftField, pair.step)}</Field>
            </div>
          ))}
        </fieldset>
        <fieldset>
          <legend>Journey and attributes</legend>
          <div className="field" role="group" aria-labelledby="segment-stages-label">
            <span id="segment-stages-label" className="group-label">Journey stages</span>
            {DEFAULT_STAGES.map((stage) => (
              <label key={stage.id} className="checkbox">
                <input type="checkbox" data-testid={`segment-stage-${stage.id}`} checked={draft.journeyStages.includes(stage.id)}
                  onChange={(e) => change({ journeyStages: toggle(draft.journeyStages, stage.id, e.target.checked) })} />
                {stage.label}
              </label>
            ))}
          </div>
          <Field field="attributes" label="Attributes" hint="key=value, one a line" errors={errors}>
            {(control) => <textarea {...control} rows={3} value={draft.attributes} onChange={(e) => change({ attributes: e.target.value })} />}
          </Field>
        </fieldset>
        <div className="actions">
          <button type="button" className="secondary" data-testid="segment-preview-run" disabled={preview.isPending} onClick={runPreview}>Preview</button>
          <button type="submit" data-testid="segment-save" disabled={save.isPending}>{segment ? 'Save changes' : 'Save segment'}</button>
          <Link to={segment ? segmentPath(segment.id) : paths.segments}>Cancel</Link>
        </div>
        {refused ? (
          <ErrorState error={save.error} what="saving segments" />
        ) : (
          errors.form && <p role="alert" className="notice notice-error" data-testid="segment-form-error">{errors.form}</p>
        )}
      </form>
      <Preview preview={preview} />
    </>
  );
}

/** `/segments/new` and `/segments/:id/edit`, for analysts and above. */
export default function SegmentFormPage({ me }: { me: Me }) {
  const { id } = useParams();
  const segments = useSegments();
  if (!mayManageSegments(me)) return <Refusal me={me} what="Creating and changing segments" />;
  if (!id) return <SegmentForm />;
  return (
    <QueryState query={segments} what={`segment ${id}`}>
      {(data) => {
        const segment = data.segments.find((s) => s.id === id);
        return segment ? <SegmentForm key={id} segment={segment} /> : <ErrorState error={new ApiError(404, 'Not Found')} what={`segment ${id}`} />;
      }}
    </QueryState>
  );
}
