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

  it('a refusal has none either', async () => {
    renderAt(<AppRoutes me={{ ...me, role: 'viewer' }} />, '/team');
    await screen.findByTestId('error-forbidden');
    expect(await violations()).toEqual([]);
  });
});
