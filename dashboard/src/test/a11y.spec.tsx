import { screen } from '@testing-library/react';
import axe from 'axe-core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AppRoutes } from '../App';
import type { Me, Portfolio } from '../lib/api/types';
import userEvent from '@testing-library/user-event';
import { accountJourney, comparison, enterpriseAtRisk, funnelReport, funnels, journey, members, newLogos, segmentHistory, segmentMembers } from './fixtures';
import { mockFetch, renderAt } from './render';

// Canvas charts need a browser; here a chart is its title.
vi.mock('../components/TimeChart', () => ({
  TimeChart: ({ title, testId }: { title: string; testId?: string }) => <figure data-testid={testId}><figcaption>{title}</figcaption></figure>,
}));

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

  const segmentRoutes = () =>
    mockFetch({
      '/v1/segments': { body: { segments: [enterpriseAtRisk, newLogos] } },
      '/v1/segments/seg-1a2b3c/history': { body: segmentHistory },
      '/v1/segments/seg-new/history': { body: segmentHistory },
      '/v1/segments/seg-1a2b3c/accounts': { body: segmentMembers },
      'POST /v1/segments/preview': { body: { size: 2, averageScore: 31.5, accounts: members } },
      '/v1/segments/compare': { body: { segments: comparison } },
    });

  it('nor the segments', async () => {
    segmentRoutes();
    renderAt(<AppRoutes me={me} />, '/segments');
    await screen.findAllByTestId('segment-row');
    expect(await violations()).toEqual([]);
  });

  it('nor a segment with its members', async () => {
    segmentRoutes();
    renderAt(<AppRoutes me={me} />, '/segments/seg-1a2b3c');
    await screen.findAllByTestId('segment-member');
    await screen.findByTestId('segment-size-chart');
    expect(await violations()).toEqual([]);
  });

  it('nor the segment form, with a refused field and a preview', async () => {
    segmentRoutes();
    renderAt(<AppRoutes me={me} />, '/segments/new');
    await userEvent.type(await screen.findByLabelText('Score from'), '60');
    await userEvent.type(screen.getByLabelText('Score to'), '50');
    await userEvent.click(screen.getByTestId('segment-save'));
    await screen.findByTestId('segment-scoreMax-error');
    expect(await violations()).toEqual([]);
    await userEvent.clear(screen.getByLabelText('Score from'));
    await userEvent.click(screen.getByTestId('segment-preview-run'));
    await screen.findAllByTestId('segment-preview-row');
    expect(await violations()).toEqual([]);
  });

  it('nor the segment comparison', async () => {
    segmentRoutes();
    renderAt(<AppRoutes me={me} />, '/segments/compare?ids=seg-1a2b3c,seg-new');
    await screen.findByTestId('segment-compare');
    expect(await violations()).toEqual([]);
  });

  it('nor the journey with its flow diagram and a funnel', async () => {
    mockFetch({
      '/v1/journey': { body: journey },
      '/v1/segments': { body: { segments: [enterpriseAtRisk] } },
      '/v1/funnels': { body: funnels },
      '/v1/funnels/reporting': { body: funnelReport },
      '/v1/portfolio': { body: portfolio },
    });
    renderAt(<AppRoutes me={me} />, '/journey?tenant=acme.io');
    await screen.findByTestId('journey-flow');
    await screen.findByTestId('funnel-chart');
    expect(await violations()).toEqual([]);
  });

  it("nor the account's journey on the account page", async () => {
    mockFetch({
      '/v1/accounts/acme.io': { body: { tenantId: 'acme.io', name: 'Acme', engagement: {} } },
      '/v1/accounts/acme.io/journey': { body: accountJourney },
      '/v1/accounts/acme.io/timeseries': { body: { tenantId: 'acme.io', metric: 'x', step: 'day', from: '', to: '', points: [] } },
      '/v1/alerts': { body: { count: 0, truncated: false, asOf: '2026-12-03T10:00:00Z', alerts: [] } },
      '/v1/accounts/acme.io/follow-ups': { body: { count: 0, truncated: false, asOf: '2026-12-03T10:00:00Z', followUps: [] } },
    });
    renderAt(<AppRoutes me={me} />, '/accounts/acme.io');
    await screen.findAllByTestId('journey-transition');
    expect(await violations()).toEqual([]);
  });
});
