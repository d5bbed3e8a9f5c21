// Numbers, money and times for display; times in the viewer's own time zone.

import type { Band } from './api/types';

export const BAND_LABEL: Record<Band, string> = { healthy: 'Healthy', neutral: 'Neutral', at_risk: 'At risk' };

export function score(value: number | undefined): string {
  return value === undefined ? '–' : Math.round(value).toString();
}

export function delta(value: number | undefined): { text: string; arrow: string; direction: 'up' | 'down' | 'flat' } {
  if (value === undefined) return { text: '–', arrow: '', direction: 'flat' };
  const rounded = Math.round(value);
  if (rounded > 0) return { text: `+${rounded}`, arrow: '▲', direction: 'up' };
  if (rounded < 0) return { text: `${rounded}`, arrow: '▼', direction: 'down' };
  return { text: '0', arrow: '▶', direction: 'flat' };
}

const money = new Intl.NumberFormat(undefined, { style: 'currency', currency: 'USD', maximumFractionDigits: 0 });

export function arr(value: number | undefined): string {
  return value === undefined ? '–' : money.format(value);
}

export function count(value: number | undefined): string {
  return value === undefined ? '–' : value.toLocaleString();
}

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const dateOnly = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });

export function time(iso: string | undefined | null): string {
  return iso ? dateTime.format(new Date(iso)) : '–';
}

/** An ISO date (a calendar day, no time zone) as the viewer writes dates. */
export function date(isoDay: string | undefined): string {
  if (!isoDay) return '–';
  const [y, m, d] = isoDay.split('-').map(Number);
  return dateOnly.format(new Date(y, m - 1, d));
}

export const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;

/** Whole days from `now` to an ISO date (negative when past). */
export function daysUntil(isoDay: string, now: Date = new Date()): number {
  const [y, m, d] = isoDay.split('-').map(Number);
  const target = new Date(y, m - 1, d).getTime();
  const today = new Date(now.getFullYear(), now.getMonth(), now.getDate()).getTime();
  return Math.round((target - today) / 86_400_000);
}
