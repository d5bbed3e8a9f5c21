import { describe, expect, it } from 'vitest';
import { distinct, filterRows, latestData, NO_FILTER, nextSort, sortRows, type PortfolioRow } from './portfolioTable';

const rows: PortfolioRow[] = [
  { risk: 0, tenantId: 'globex', name: 'Globex', score: 22, band: 'at_risk', delta7d: -12, arr: 90_000, renewalDate: '2026-12-20', segment: 'enterprise', plan: 'pro', openAlerts: 3, lastEventAt: '2026-12-03T09:00:00Z' },
  { risk: 1, tenantId: 'acme.io', name: 'Acme', score: 55, band: 'neutral', delta7d: 4, arr: 250_000, renewalDate: '2027-06-01', segment: 'mid-market', plan: 'enterprise', openAlerts: 0, lastEventAt: '2026-12-03T10:00:00Z' },
  { risk: 2, tenantId: 'initech', name: 'Initech', score: 81, band: 'healthy', arr: 40_000, segment: 'enterprise', plan: 'pro' },
  { risk: 3, tenantId: 'newco', name: 'Newco' },
];
const NOW = new Date(2026, 11, 3);

describe('portfolio table', () => {
  it('searches names and tenant ids, case-insensitively', () => {
    expect(filterRows(rows, { ...NO_FILTER, search: 'ACME' }, NOW).map((r) => r.tenantId)).toEqual(['acme.io']);
    expect(filterRows(rows, { ...NO_FILTER, search: 'init' }, NOW).map((r) => r.tenantId)).toEqual(['initech']);
  });

  it('filters by band, segment, plan and renewal window together', () => {
    expect(filterRows(rows, { ...NO_FILTER, band: 'at_risk' }, NOW).map((r) => r.tenantId)).toEqual(['globex']);
    expect(filterRows(rows, { ...NO_FILTER, segment: 'enterprise', plan: 'pro' }, NOW)).toHaveLength(2);
    expect(filterRows(rows, { ...NO_FILTER, renewalWithin: 30 }, NOW).map((r) => r.tenantId)).toEqual(['globex']);
    expect(filterRows(rows, { ...NO_FILTER, renewalWithin: 365 }, NOW)).toHaveLength(2);
  });

  it('sorts by any column, keeping rows without a value last', () => {
    expect(sortRows(rows, 'score', 'desc').map((r) => r.tenantId)).toEqual(['initech', 'acme.io', 'globex', 'newco']);
    expect(sortRows(rows, 'score', 'asc').map((r) => r.tenantId)).toEqual(['globex', 'acme.io', 'initech', 'newco']);
    expect(sortRows(rows, 'name', 'asc').map((r) => r.name)).toEqual(['Acme', 'Globex', 'Initech', 'Newco']);
    expect(sortRows(rows, 'arr', 'desc')[0].tenantId).toBe('acme.io');
    expect(sortRows(rows, 'delta7d', 'asc').map((r) => r.tenantId)).toEqual(['globex', 'acme.io', 'initech', 'newco']);
    expect(sortRows(rows, 'renewalDate', 'asc')[0].tenantId).toBe('globex');
    expect(sortRows(rows, 'risk', 'asc')).toEqual(rows);
  });

  it('flips direction on the second click, and starts money and counts high', () => {
    expect(nextSort({ column: 'risk', direction: 'asc' }, 'score')).toEqual({ column: 'score', direction: 'asc' });
    expect(nextSort({ column: 'score', direction: 'asc' }, 'score')).toEqual({ column: 'score', direction: 'desc' });
    expect(nextSort({ column: 'score', direction: 'asc' }, 'arr')).toEqual({ column: 'arr', direction: 'desc' });
  });

  it('lists filter choices and the newest data', () => {
    expect(distinct(rows, 'segment')).toEqual(['enterprise', 'mid-market']);
    expect(latestData(rows)).toBe('2026-12-03T10:00:00Z');
  });
});
