// Filtering and sorting of the portfolio table: pure functions over the API's rows.

import type { Band, PortfolioItem } from './api/types';
import { daysUntil } from './format';

export interface PortfolioRow extends PortfolioItem {
  /** Position in the API's answer: riskiest first. */
  risk: number;
}

export const SORT_COLUMNS = [
  'risk',
  'name',
  'score',
  'delta7d',
  'delta30d',
  'renewalDate',
  'arr',
  'openAlerts',
  'openFollowUps',
] as const;

export type SortColumn = (typeof SORT_COLUMNS)[number];
export type SortDirection = 'asc' | 'desc';

export interface PortfolioFilter {
  search: string;
  band: Band | '';
  segment: string;
  plan: string;
  /** Renewal within this many days from today; 0 for any. */
  renewalWithin: number;
}

export const NO_FILTER: PortfolioFilter = { search: '', band: '', segment: '', plan: '', renewalWithin: 0 };

export function filterRows(rows: PortfolioRow[], filter: PortfolioFilter, now: Date = new Date()): PortfolioRow[] {
  const needle = filter.search.trim().toLowerCase();
  return rows.filter((row) => {
    if (needle && !`${row.name} ${row.tenantId}`.toLowerCase().includes(needle)) return false;
    if (filter.band && row.band !== filter.band) return false;
    if (filter.segment && row.segment !== filter.segment) return false;
    if (filter.plan && row.plan !== filter.plan) return false;
    if (filter.renewalWithin > 0) {
      if (!row.renewalDate) return false;
      const days = daysUntil(row.renewalDate, now);
      if (days < 0 || days > filter.renewalWithin) return false;
    }
    return true;
  });
}

function valueOf(row: PortfolioRow, column: SortColumn): string | number | undefined {
  return row[column];
}

/** Sorted copy; rows without a value for the column go last whichever the direction. */
export function sortRows(rows: PortfolioRow[], column: SortColumn, direction: SortDirection): PortfolioRow[] {
  const sign = direction === 'asc' ? 1 : -1;
  return [...rows].sort((a, b) => {
    const x = valueOf(a, column);
    const y = valueOf(b, column);
    if (x === undefined && y === undefined) return a.risk - b.risk;
    if (x === undefined) return 1;
    if (y === undefined) return -1;
    const order = typeof x === 'string' && typeof y === 'string' ? x.localeCompare(y) : Number(x) - Number(y);
    return order === 0 ? a.risk - b.risk : sign * order;
  });
}

/** The first click on a column sorts ascending (descending for money and counts); the next flips it. */
export function nextSort(
  current: { column: SortColumn; direction: SortDirection },
  column: SortColumn,
): { column: SortColumn; direction: SortDirection } {
  if (current.column === column) return { column, direction: current.direction === 'asc' ? 'desc' : 'asc' };
  const descFirst = column === 'arr' || column === 'openAlerts' || column === 'openFollowUps';
  return { column, direction: descFirst ? 'desc' : 'asc' };
}

export function distinct(rows: PortfolioItem[], field: 'segment' | 'plan'): string[] {
  return [...new Set(rows.map((r) => r[field]).filter((v): v is string => !!v))].sort();
}

/** The newest activity among the rows, for "latest data". */
export function latestData(rows: PortfolioItem[]): string | undefined {
  let latest: string | undefined;
  for (const row of rows) if (row.lastEventAt && (!latest || row.lastEventAt > latest)) latest = row.lastEventAt;
  return latest;
}
