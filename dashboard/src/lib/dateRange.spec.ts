import { describe, expect, it } from 'vitest';
import { daysBetween, isPreset, rangeOf, PRESETS } from './dateRange';

// 2026-12-03, a Thursday in the last month of Q4, local time.
const NOW = new Date(2026, 11, 3, 10, 30);

describe('date-range presets', () => {
  it('gives half-open ranges of calendar days', () => {
    expect(rangeOf('last-month', NOW)).toEqual({ from: '2026-11-01', to: '2026-12-01' });
    expect(rangeOf('this-month', NOW)).toEqual({ from: '2026-12-01', to: '2026-12-04' });
    expect(rangeOf('this-quarter', NOW)).toEqual({ from: '2026-10-01', to: '2026-12-04' });
    expect(rangeOf('last-quarter', NOW)).toEqual({ from: '2026-07-01', to: '2026-10-01' });
    expect(rangeOf('year-to-date', NOW)).toEqual({ from: '2026-01-01', to: '2026-12-04' });
    expect(rangeOf('last-7-days', NOW)).toEqual({ from: '2026-11-27', to: '2026-12-04' });
    expect(daysBetween(rangeOf('last-30-days', NOW))).toBe(30);
    expect(rangeOf('last-90-days', NOW)).toEqual({ from: '2026-09-05', to: '2026-12-04' });
    expect(rangeOf('last-12-months', NOW)).toEqual({ from: '2025-12-04', to: '2026-12-04' });
  });

  it('crosses the year backwards in January', () => {
    const january = new Date(2027, 0, 15);
    expect(rangeOf('last-month', january)).toEqual({ from: '2026-12-01', to: '2027-01-01' });
    expect(rangeOf('last-quarter', january)).toEqual({ from: '2026-10-01', to: '2027-01-01' });
  });

  it('knows its presets', () => {
    expect(PRESETS.map((p) => p.value)).toContain('this-quarter');
    expect(isPreset('last-month')).toBe(true);
    expect(isPreset('yesterday')).toBe(false);
  });
});
