import { describe, expect, it } from 'vitest';
import type { FunnelReport, JourneyStage } from './api/journey';
import { toCsv } from './csv';
import { days, describePath, funnelRows, layoutFlow, pathCsvColumns, percent, stageCsvColumns, stallSentence } from './journeyFlow';

const stage = (id: string, label: string, kind: 'progress' | 'exit' = 'progress'): JourneyStage => ({
  id, label, kind, current: 10, entered: 20, exited: 5, medianDaysInStage: 9, p90DaysInStage: 20, dropOff: 3,
});
const stages = [stage('onboarding', 'Onboarding'), stage('activated', 'Activated'), stage('adopting', 'Adopting'), stage('at_risk', 'At risk', 'exit')];

describe('journey flow layout', () => {
  it('puts progress stages left to right and exits below', () => {
    const layout = layoutFlow({ stages, flows: [] });
    const [onboarding, activated, adopting, atRisk] = layout.boxes;
    expect(onboarding.x).toBeLessThan(activated.x);
    expect(activated.x).toBeLessThan(adopting.x);
    expect(onboarding.y).toBe(activated.y);
    expect(atRisk.y).toBeGreaterThan(onboarding.y);
    expect(layout.width).toBeGreaterThan(adopting.x);
    expect(layout.height).toBeGreaterThan(atRisk.y);
  });

  it('writes the share and the accounts on each arrow, and skips flows to unknown stages', () => {
    const layout = layoutFlow({
      stages,
      flows: [
        { from: 'onboarding', to: 'activated', accounts: 20, share: 0.8 },
        { from: 'activated', to: 'at_risk', accounts: 2, share: 0.125 },
        { from: 'adopting', to: 'onboarding', accounts: null, share: null },
        { from: 'adopting', to: 'nowhere', accounts: 1, share: 0.1 },
      ],
    });
    expect(layout.arrows.map((a) => a.label)).toEqual(['80 % · 20', '13 % · 2', '–']);
    expect(layout.arrows[0].text).toBe('Onboarding to Activated: 80 % of accounts (20)');
    // The next stage is a straight line; going back is an arc (a quadratic curve).
    expect(layout.arrows[0].d).toMatch(/^M [\d.]+ [\d.]+ L /);
    expect(layout.arrows[2].d).toContain(' Q ');
  });

  it('formats shares and days, unknown as a dash', () => {
    expect(percent(0.58)).toBe('58 %');
    expect(percent(0.031)).toBe('3.1 %');
    expect(percent(null)).toBe('–');
    expect(days(9)).toBe('9 d');
    expect(days(2.46)).toBe('2.5 d');
    expect(days(null)).toBe('–');
  });

  it('exports stages and paths as CSV', () => {
    expect(toCsv(stageCsvColumns, [stages[0]]).split('\r\n')[1]).toBe('onboarding,Onboarding,progress,10,20,5,9,20,3');
    const path = { stages: ['onboarding', 'activated', 'adopting'], accounts: 14 };
    expect(describePath(path, stages)).toBe('Onboarding → Activated → Adopting');
    expect(toCsv(pathCsvColumns(stages), [path]).split('\r\n')[1]).toBe('Onboarding → Activated → Adopting,onboarding > activated > adopting,14');
  });
});

describe('funnels', () => {
  const report: FunnelReport = {
    funnel: { id: 'reporting', label: 'Reporting adoption', windowDays: 14, steps: [{ id: 'exports', label: 'Exported a report' }] },
    tenant: 't1', segment: null, from: '2026-11-01', to: '2026-11-30',
    steps: [
      { id: 'login', label: 'First login', users: 120, conversion: 1, overall: 1, medianHoursToConvert: null },
      { id: 'exports', users: 37, conversion: 0.31, overall: 0.31, medianHoursToConvert: 5.2 },
    ],
    portfolio: [{ id: 'login', users: 5400, conversion: 1, overall: 1 }, { id: 'exports', users: 3100, conversion: 0.58, overall: 0.57 }],
    stallStep: 'exports',
  };

  it("puts the portfolio's conversion beside each step and names the stall", () => {
    const rows = funnelRows(report);
    expect(rows.map((r) => [r.label, r.portfolioConversion, r.stall])).toEqual([['First login', 1, false], ['Exported a report', 0.58, true]]);
    expect(stallSentence('Acme', rows)).toBe("Acme's users stall at Exported a report: 31 % vs 58 % across the portfolio");
    expect(stallSentence('Initech Systems', rows)).toMatch(/^Initech Systems' users/);
    expect(stallSentence('Acme', funnelRows({ ...report, stallStep: null }))).toBeUndefined();
  });
});
