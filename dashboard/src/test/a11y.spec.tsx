import { screen } from '@testing-library/react';
import axe from 'axe-core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AppRoutes } from '../App';
import type { Me, Portfolio } from '../lib/api/types';
import { mockFetch, renderAt } from './render';

const me: Me = { subject: 'sarah@example.com', email: 'sarah@example.com', role: 'manager', scope: 'team' };
const portfolio: Portfolio = {
  owner: 'sarah@example.com',
  count: 1,
  asOf: '2026-12-03T10:00:00Z',
  accounts: [{ tenantId: 'acme.io', name: 'Acme', score: 35, band: 'at_risk', delta7d: -16, openAlerts: 1, openFollowUps: 0, sparkline: [{ day: '2026-12-01', score: 51 }, { day: '2026-12-02', score: 35 }] }],
};

afterEach(() => vi.unstubAllGlobals());

/** axe-core's serious and critical findings (colour contrast needs a real browser: left out). */
async function violations(): Promise<string[]> {
  const result = await axe.run(document.body, { rules: { 'color-contrast': { enabled: false } } });
  return result.violations
    .filter((v) => v.impact === 'critical' || v.impact === 'serious')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

describe('accessibility', () => {
  it('the portfolio has no serious or critical axe findings', async () => {
    mockFetch({ '/v1/portfolio': { body: portfolio } });
    renderAt(<AppRoutes me={me} />, '/');
    await screen.findAllByTestId('portfolio-row');
    expect(await violations()).toEqual([]);
  });

  it('neither have the report downloads of the team view', async () => {
    const group = { owner: 'sarah@example.com', accounts: 1, scored: 1, averageScore: 35, bands: { at_risk: 1 } };
    mockFetch({ '/v1/summary': { body: { from: '2026-11-01', to: '2026-12-01', asOf: '2026-12-03T10:00:00Z', overall: group, owners: [group], top: [], bottom: [] } } });
    renderAt(<AppRoutes me={me} />, '/team');
    await screen.findByTestId('export-member-pdf');
    expect(await violations()).toEqual([]);
  });

  it('nor the report schedules, with a refused form', async () => {
    mockFetch({ '/v1/report-schedules': { body: { schedules: [{ id: 's1', report: 'team', team: 'EMEA', cadence: 'monthly', dayOfMonth: 1, time: '08:00', timeZone: 'UTC', format: 'pdf', channels: ['email'], createdBy: 'sarah@example.com', createdAt: '2026-12-01T10:00:00Z', nextRunAt: '2027-01-01T08:00:00Z' }] } } });
    renderAt(<AppRoutes me={me} />, '/reports');
    await screen.findByTestId('schedule-row');
    (await screen.findByTestId('schedule-channel-email')).click();
    (await screen.findByTestId('schedule-create')).click();
    await screen.findByTestId('schedule-channels-error');
    expect(await violations()).toEqual([]);
  });

  it('a refusal has none either', async () => {
    renderAt(<AppRoutes me={{ ...me, role: 'viewer' }} />, '/team');
    await screen.findByTestId('error-forbidden');
    expect(await violations()).toEqual([]);
  });
});
