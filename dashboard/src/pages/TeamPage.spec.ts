import { describe, expect, it } from 'vitest';
import { teamCsvColumns, rangeFromParams, teamCsvName } from './TeamPage';
import { toCsv } from '../lib/csv';
import { teamRows } from '../lib/team';

const NOW = new Date(2026, 11, 3);

describe('team view', () => {
  it('reads a preset or explicit dates from the URL, last month by default', () => {
    expect(rangeFromParams(new URLSearchParams(''), NOW)).toEqual({ preset: 'last-month', range: { from: '2026-11-01', to: '2026-12-01' } });
    expect(rangeFromParams(new URLSearchParams('preset=this-quarter'), NOW).range).toEqual({ from: '2026-10-01', to: '2026-12-04' });
    expect(rangeFromParams(new URLSearchParams('from=2026-01-01&to=2026-02-01'), NOW)).toEqual({ preset: 'custom', range: { from: '2026-01-01', to: '2026-02-01' } });
    expect(rangeFromParams(new URLSearchParams('from=2026-02-01&to=2026-01-01'), NOW).preset).toBe('last-month');
  });

  it('names the export after the range and lists managers weakest first, without the overall group', () => {
    expect(teamCsvName({ from: '2026-11-01', to: '2026-12-01' })).toBe('pulse-team-2026-11-01-to-2026-12-01.csv');
    const rows = teamRows([
      { owner: 'ok@example.com', accounts: 1, scored: 1, averageScore: 80, bands: { healthy: 1 }, arr: 500, arrAtRisk: 0 },
      { owner: '=cmd@example.com', accounts: 2, scored: 2, averageScore: 50, bands: { at_risk: 1, healthy: 1 }, arr: 1000, arrAtRisk: 100 },
      { accounts: 3, scored: 3, bands: {} },
    ]);
    expect(rows.map((r) => r.owner)).toEqual(['=cmd@example.com', 'ok@example.com']);
    expect(toCsv(teamCsvColumns, rows).split('\r\n')[1]).toMatch(/^'=cmd@example.com,2,2,50,,1,0,1,1000,100,,$/);
  });
});
