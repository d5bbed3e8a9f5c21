// Date-range presets for the team view, in the viewer's calendar. Ranges are half-open
// [from, to) as ISO dates, as the API takes them.

export const PRESETS = [
  { value: 'last-7-days', label: 'Last 7 days' },
  { value: 'last-30-days', label: 'Last 30 days' },
  { value: 'last-90-days', label: 'Last 90 days' },
  { value: 'this-month', label: 'This month' },
  { value: 'last-month', label: 'Last month' },
  { value: 'this-quarter', label: 'This quarter' },
  { value: 'last-quarter', label: 'Last quarter' },
  { value: 'year-to-date', label: 'Year to date' },
  { value: 'last-12-months', label: 'Last 12 months' },
] as const;

export type Preset = (typeof PRESETS)[number]['value'];

export interface DateRange {
  from: string;
  to: string;
}

export function isoDate(date: Date): string {
  const y = date.getFullYear();
  const m = String(date.getMonth() + 1).padStart(2, '0');
  const d = String(date.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}

function day(year: number, month: number, date: number): Date {
  return new Date(year, month, date);
}

/** The range of `preset` as seen on `now` (local calendar); `to` is exclusive. */
export function rangeOf(preset: Preset, now: Date = new Date()): DateRange {
  const y = now.getFullYear();
  const m = now.getMonth();
  const tomorrow = day(y, m, now.getDate() + 1);
  const quarterStart = m - (m % 3);
  switch (preset) {
    case 'last-7-days':
      return { from: isoDate(day(y, m, now.getDate() - 6)), to: isoDate(tomorrow) };
    case 'last-30-days':
      return { from: isoDate(day(y, m, now.getDate() - 29)), to: isoDate(tomorrow) };
    case 'last-90-days':
      return { from: isoDate(day(y, m, now.getDate() - 89)), to: isoDate(tomorrow) };
    case 'this-month':
      return { from: isoDate(day(y, m, 1)), to: isoDate(tomorrow) };
    case 'last-month':
      return { from: isoDate(day(y, m - 1, 1)), to: isoDate(day(y, m, 1)) };
    case 'this-quarter':
      return { from: isoDate(day(y, quarterStart, 1)), to: isoDate(tomorrow) };
    case 'last-quarter':
      return { from: isoDate(day(y, quarterStart - 3, 1)), to: isoDate(day(y, quarterStart, 1)) };
    case 'year-to-date':
      return { from: isoDate(day(y, 0, 1)), to: isoDate(tomorrow) };
    case 'last-12-months':
      return { from: isoDate(day(y - 1, m, now.getDate() + 1)), to: isoDate(tomorrow) };
  }
}

export function isPreset(value: string | null | undefined): value is Preset {
  return PRESETS.some((p) => p.value === value);
}

/** Days between two ISO dates, `to` exclusive. */
export function daysBetween(range: DateRange): number {
  return Math.round((Date.parse(`${range.to}T00:00:00Z`) - Date.parse(`${range.from}T00:00:00Z`)) / 86_400_000);
}

/**
 * The range in a page's URL: explicit `from` and `to` dates (then the preset is `custom`), else
 * `preset`, else `fallback`.
 */
export function rangeFromParams(
  params: URLSearchParams,
  fallback: Preset,
  now: Date = new Date(),
): { preset: Preset | 'custom'; range: DateRange } {
  const from = params.get('from');
  const to = params.get('to');
  if (from && to && /^\d{4}-\d{2}-\d{2}$/.test(from) && /^\d{4}-\d{2}-\d{2}$/.test(to) && from < to) {
    return { preset: 'custom', range: { from, to } };
  }
  const preset = params.get('preset');
  const chosen = isPreset(preset) ? preset : fallback;
  return { preset: chosen, range: rangeOf(chosen, now) };
}
