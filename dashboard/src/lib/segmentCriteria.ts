// The segment form as plain functions: a draft of strings as the form holds it, checked and turned
// into the API's criteria (absent when not set), read back from a saved segment, described in
// words, and a refusal from the API mapped onto the form's fields.

import { ApiError } from './api/client';
import type { Segment, SegmentCriteria, SegmentInput } from './api/segments';
import type { Band } from './api/types';
import { arr, BAND_LABEL } from './format';
import { stageLabel } from './stages';

export const BANDS: Band[] = ['healthy', 'neutral', 'at_risk'];

export const RANGE_FIELDS = ['score', 'delta7d', 'delta30d', 'arr'] as const;
type RangeField = (typeof RANGE_FIELDS)[number];
type NumberField = `${RangeField}Min` | `${RangeField}Max` | 'renewalWithinDays';
const LIST_FIELDS = ['plans', 'segments', 'owners', 'teams'] as const;
type ListField = (typeof LIST_FIELDS)[number];

export interface SegmentDraft extends Record<NumberField | ListField, string> {
  name: string;
  description: string;
  bands: Band[];
  /** '' any, 'yes' only accounts at risk, 'no' only accounts not at risk. */
  atRisk: '' | 'yes' | 'no';
  journeyStages: string[];
  /** `key=value`, one a line. */
  attributes: string;
  /** Criteria this form does not edit (such as a funnel step), kept as they were. */
  kept: SegmentCriteria;
}

export type DraftField = Exclude<keyof SegmentDraft, 'kept'> | 'form';
export type FieldErrors = Partial<Record<DraftField, string>>;

export const NUMBER_FIELDS: NumberField[] = [
  'scoreMin', 'scoreMax', 'delta7dMin', 'delta7dMax', 'delta30dMin', 'delta30dMax', 'arrMin', 'arrMax', 'renewalWithinDays',
];

export function emptyDraft(): SegmentDraft {
  return {
    name: '', description: '', plans: '', segments: '', owners: '', teams: '', bands: [], atRisk: '',
    scoreMin: '', scoreMax: '', delta7dMin: '', delta7dMax: '', delta30dMin: '', delta30dMax: '', arrMin: '', arrMax: '',
    renewalWithinDays: '', journeyStages: [], attributes: '', kept: {},
  };
}

const num = (value: number | null | undefined) => (value === undefined || value === null ? '' : String(value));

/** The form's draft of a saved segment. */
export function draftOf(segment: Segment): SegmentDraft {
  const c = segment.criteria ?? {};
  const draft = emptyDraft();
  draft.name = segment.name;
  draft.description = segment.description ?? '';
  for (const field of LIST_FIELDS) draft[field] = (c[field] ?? []).join(', ');
  for (const field of NUMBER_FIELDS) draft[field] = num(c[field]);
  draft.bands = [...(c.bands ?? [])];
  draft.atRisk = c.atRisk === true ? 'yes' : c.atRisk === false ? 'no' : '';
  draft.journeyStages = [...(c.journeyStages ?? [])];
  draft.attributes = Object.entries(c.attributes ?? {}).map(([k, v]) => `${k}=${v}`).join('\n');
  const edited = new Set<string>([...LIST_FIELDS, ...NUMBER_FIELDS, 'bands', 'atRisk', 'journeyStages', 'attributes']);
  draft.kept = Object.fromEntries(Object.entries(c).filter(([key]) => !edited.has(key))) as SegmentCriteria;
  return draft;
}

function list(text: string): string[] {
  return [...new Set(text.split(/[,\n]/).map((v) => v.trim()).filter(Boolean))];
}

function parseAttributes(text: string): { attributes: Record<string, string> } | { error: string } {
  const attributes: Record<string, string> = {};
  for (const [i, raw] of text.split('\n').entries()) {
    const line = raw.trim();
    if (!line) continue;
    const at = line.indexOf('=');
    if (at <= 0) return { error: `Line ${i + 1} is not key=value.` };
    attributes[line.slice(0, at).trim()] = line.slice(at + 1).trim();
  }
  return { attributes };
}

const NUMBER_LABEL: Record<RangeField, string> = { score: 'Score', delta7d: '7-day change', delta30d: '30-day change', arr: 'ARR' };

/** The criteria the draft describes, or what is wrong with it. The name is not needed for a preview. */
export function criteriaOf(draft: SegmentDraft): { criteria: SegmentCriteria } | { errors: FieldErrors } {
  const errors: FieldErrors = {};
  const criteria: SegmentCriteria = { ...draft.kept };
  for (const field of LIST_FIELDS) {
    const values = list(draft[field]);
    if (values.length) criteria[field] = values;
  }
  if (draft.bands.length) criteria.bands = BANDS.filter((b) => draft.bands.includes(b));
  if (draft.atRisk) criteria.atRisk = draft.atRisk === 'yes';
  const numbers: Partial<Record<NumberField, number>> = {};
  for (const field of NUMBER_FIELDS) {
    const text = draft[field].trim();
    if (!text) continue;
    const value = Number(text);
    if (!Number.isFinite(value)) errors[field] = 'Enter a number.';
    else numbers[field] = value;
  }
  for (const field of ['scoreMin', 'scoreMax'] as const) {
    const value = numbers[field];
    if (value !== undefined && (value < 0 || value > 100)) errors[field] = 'A score is between 0 and 100.';
  }
  const days = numbers.renewalWithinDays;
  if (days !== undefined && (!Number.isInteger(days) || days < 0)) errors.renewalWithinDays = 'Enter whole days, 0 or more.';
  for (const field of RANGE_FIELDS) {
    const min = numbers[`${field}Min`];
    const max = numbers[`${field}Max`];
    if (min !== undefined && max !== undefined && min > max && !errors[`${field}Max`]) {
      errors[`${field}Max`] = `${NUMBER_LABEL[field]}: the maximum is below the minimum.`;
    }
  }
  for (const field of NUMBER_FIELDS) if (numbers[field] !== undefined) criteria[field] = numbers[field];
  if (draft.journeyStages.length) criteria.journeyStages = [...draft.journeyStages];
  const parsed = parseAttributes(draft.attributes);
  if ('error' in parsed) errors.attributes = parsed.error;
  else if (Object.keys(parsed.attributes).length) criteria.attributes = parsed.attributes;
  return Object.keys(errors).length ? { errors } : { criteria };
}

/** The body to save, or what is wrong with the draft. */
export function inputOf(draft: SegmentDraft): { body: SegmentInput } | { errors: FieldErrors } {
  const checked = criteriaOf(draft);
  const errors: FieldErrors = 'errors' in checked ? { ...checked.errors } : {};
  const name = draft.name.trim();
  if (!name) errors.name = 'Name the segment.';
  if (Object.keys(errors).length || 'errors' in checked) return { errors };
  const description = draft.description.trim();
  return { body: { name, ...(description ? { description } : {}), criteria: checked.criteria } };
}

function within(label: string, min: number | null | undefined, max: number | null | undefined, show: (v: number) => string = String): string | undefined {
  const hasMin = min !== undefined && min !== null;
  const hasMax = max !== undefined && max !== null;
  if (hasMin && hasMax) return `${label} between ${show(min)} and ${show(max)}`;
  if (hasMin) return `${label} at least ${show(min)}`;
  if (hasMax) return `${label} at most ${show(max)}`;
  return undefined;
}

const oneOf = (values: string[]) => (values.length === 1 ? values[0] : `one of ${values.join(', ')}`);

/** The criteria as short sentences, one per criterion, in the order of the form. */
export function describeCriteria(c: SegmentCriteria): string[] {
  const lines: (string | undefined)[] = [
    c.plans?.length ? `Plan is ${oneOf(c.plans)}` : undefined,
    c.segments?.length ? `Customer segment is ${oneOf(c.segments)}` : undefined,
    c.owners?.length ? `Owned by ${c.owners.join(' or ')}` : undefined,
    c.teams?.length ? `In team ${c.teams.join(' or ')}` : undefined,
    c.bands?.length ? `Band is ${c.bands.map((b) => BAND_LABEL[b] ?? b).join(' or ')}` : undefined,
    c.atRisk === true ? 'At risk now' : c.atRisk === false ? 'Not at risk now' : undefined,
    within('Score', c.scoreMin, c.scoreMax),
    within('7-day change', c.delta7dMin, c.delta7dMax),
    within('30-day change', c.delta30dMin, c.delta30dMax),
    within('ARR', c.arrMin, c.arrMax, (v) => arr(v)),
    c.renewalWithinDays !== undefined && c.renewalWithinDays !== null ? `Renews within ${c.renewalWithinDays} days` : undefined,
    c.journeyStages?.length ? `Journey stage is ${c.journeyStages.map((s) => stageLabel(s)).join(' or ')}` : undefined,
    c.funnel?.id ? (c.funnel.reachedStep ? `Reached step ${c.funnel.reachedStep} of funnel ${c.funnel.id}` : `In funnel ${c.funnel.id}`) : undefined,
    ...Object.entries(c.attributes ?? {}).map(([k, v]) => `Attribute ${k} is ${v}`),
  ];
  const shown = lines.filter((l): l is string => !!l);
  return shown.length ? shown : ['Every account in your scope'];
}

const DRAFT_FIELDS: DraftField[] = [
  ...NUMBER_FIELDS, ...LIST_FIELDS, 'name', 'description', 'bands', 'atRisk', 'journeyStages', 'attributes',
];

/**
 * A refusal as messages on the form: a name clash (409) on the name, a 400 on the field its
 * `detail` (or `field`/`parameter`) names, such as `criteria.scoreMax`; the rest on the form.
 */
export function segmentErrorsOf(error: unknown): FieldErrors {
  if (!(error instanceof ApiError)) return { form: error instanceof Error ? error.message : 'Something went wrong.' };
  const detail = error.detail ?? error.message;
  if (error.status === 409) return { name: detail || 'Another segment has this name.', form: `Not saved: ${detail.replace(/\.$/, '')}.` };
  if (error.status === 400) {
    const named = [error.problem?.field, error.problem?.parameter, detail].filter((v): v is string => typeof v === 'string');
    // Longest names first, so `scoreMax` is not taken for a shorter name inside it.
    const fields = [...DRAFT_FIELDS].sort((a, b) => b.length - a.length);
    for (const text of named) {
      const field = fields.find((f) => new RegExp(`(^|[^A-Za-z0-9])${f}([^A-Za-z0-9]|$)`).test(text));
      if (field) return { [field]: detail, form: `Not saved: ${detail.replace(/\.$/, '')}.` };
    }
  }
  return { form: detail };
}
