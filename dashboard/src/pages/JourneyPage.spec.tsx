import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { enterpriseAtRisk, funnelReport, funnels, journey, segmentMembers } from '../test/fixtures';
import { mockFetch, renderAt } from '../test/render';
import type { Portfolio } from '../lib/api/types';
import JourneyPage from './JourneyPage';

const portfolio: Portfolio = {
  owner: 'sarah@example.com', count: 2, asOf: '2026-12-03T10:00:00Z',
  accounts: [{ tenantId: 'globex', name: 'Globex' }, { tenantId: 'acme.io', name: 'Acme' }],
};

const routes = {
  '/v1/journey': { body: journey },
  '/v1/segments': { body: { segments: [enterpriseAtRisk] } },
  '/v1/funnels': { body: funnels },
  '/v1/funnels/reporting': { body: funnelReport },
  '/v1/portfolio': { body: portfolio },
};

afterEach(() => vi.unstubAllGlobals());

describe('journey page', () => {
  it('draws the stages with the shares on the arrows, and lists stages and common paths', async () => {
    const calls = mockFetch(routes);
    renderAt(<JourneyPage />, '/journey?from=2026-09-01&to=2026-12-01');
    expect(screen.getByTestId('journey-page')).toBeInTheDocument();
    const flow = await screen.findByTestId('journey-flow');
    expect(calls.some((c) => c.url === '/v1/journey?from=2026-09-01&to=2026-12-01')).toBe(true);
    const boxes = within(flow).getAllByTestId('journey-stage');
    expect(boxes.map((b) => [b.getAttribute('data-stage'), b.getAttribute('data-kind')])).toEqual([
      ['onboarding', 'progress'], ['activated', 'progress'], ['adopting', 'progress'], ['engaged', 'progress'], ['at_risk', 'exit'], ['churned', 'exit'],
    ]);
    expect(boxes[0]).toHaveTextContent('Onboarding12 nowmedian 9 d, p90 20 ddrop-off 1');
    expect(boxes[4]).toHaveTextContent('Exit: At risk');
    const arrow = within(flow).getAllByTestId('journey-flow-arrow').find((a) => a.getAttribute('data-from') === 'onboarding')!;
    expect(arrow).toHaveTextContent('80 % · 20');
    expect(within(screen.getByTestId('journey-flows')).getAllByRole('listitem')[0]).toHaveTextContent('Onboarding to Activated: 80 % of accounts (20)');
    expect(screen.getByTestId('journey-accounts')).toHaveTextContent('123 accounts · journey model 2026.12-1');
    expect(within(screen.getByTestId('journey-stages')).getAllByRole('row')).toHaveLength(7);
    expect(screen.getAllByTestId('journey-path').map((p) => p.textContent)).toEqual([
      'Onboarding → Activated → Adopting: 14 accounts', 'Adopting → At risk → Churned: 2 accounts',
    ]);
    expect(screen.getByTestId('csv-journey')).toBeEnabled();
  });

  it('shows the last 90 days up to today unless the address names a range', async () => {
    const calls = mockFetch(routes);
    renderAt(<JourneyPage />, '/journey');
    await screen.findByTestId('journey-flow');
    expect(screen.getByTestId('range-preset')).toHaveValue('last-90-days');
    const asked = calls.find((c) => c.url.startsWith('/v1/journey?'))!.url;
    const [, from, to] = /from=(\d{4}-\d{2}-\d{2})&to=(\d{4}-\d{2}-\d{2})/.exec(asked)!;
    expect((Date.parse(to) - Date.parse(from)) / 86_400_000).toBe(90);
    expect(Date.parse(to)).toBeGreaterThan(Date.now());
  });

  it('asks again for a segment and a cohort month', async () => {
    const calls = mockFetch(routes);
    renderAt(<JourneyPage />, '/journey?from=2026-09-01&to=2026-12-01');
    await screen.findByTestId('journey-flow');
    await userEvent.selectOptions(await screen.findByTestId('journey-segment'), 'seg-1a2b3c');
    await waitFor(() => expect(calls.some((c) => c.url === '/v1/journey?from=2026-09-01&to=2026-12-01&segment=seg-1a2b3c')).toBe(true));
    const cohort = screen.getByTestId('journey-cohort');
    await userEvent.clear(cohort);
    await userEvent.type(cohort, '2026-10');
    await waitFor(() => expect(calls.some((c) => c.url === '/v1/journey?from=2026-09-01&to=2026-12-01&segment=seg-1a2b3c&cohort=2026-10')).toBe(true));
  });

  it("shows an account's funnel beside the portfolio's, the stall step named", async () => {
    const calls = mockFetch(routes);
    renderAt(<JourneyPage />, '/journey?from=2026-09-01&to=2026-12-01');
    expect(await screen.findByText('Choose an account (or a segment above) to see its funnel beside the portfolio\'s.')).toBeInTheDocument();
    await userEvent.selectOptions(screen.getByTestId('funnel-tenant'), 'acme.io');
    const chart = await screen.findByTestId('funnel-chart');
    expect(calls.some((c) => c.url === '/v1/funnels/reporting?tenant=acme.io&from=2026-09-01&to=2026-12-01')).toBe(true);
    expect(within(chart).getByTestId('funnel-stall')).toHaveTextContent("Acme's users stall at Exported a report: 31 % vs 58 % across the portfolio.");
    const steps = within(chart).getAllByTestId('funnel-step');
    expect(steps.map((s) => s.getAttribute('data-stall'))).toEqual(['false', 'false', 'true']);
    expect(within(steps[1]).getAllByRole('cell').map((c) => c.textContent)).toEqual(['72', '60 %', '60 %', '', '65 %', '65 %']);
    expect(steps[2]).toHaveTextContent('(stall step)');
  });

  it("offers a manager without accounts of their own the segment's members and the account the address names", async () => {
    mockFetch({
      ...routes,
      '/v1/portfolio': { body: { owner: 'vp@example.com', count: 0, asOf: '2026-12-03T10:00:00Z', accounts: [] } },
      '/v1/segments/seg-1a2b3c/accounts': { body: segmentMembers },
      '/v1/accounts/initech': { body: { tenantId: 'initech', name: 'Initech' } },
    });
    renderAt(<JourneyPage />, '/journey?from=2026-09-01&to=2026-12-01&segment=seg-1a2b3c&funnel=reporting&tenant=initech');
    const picker = await screen.findByTestId('funnel-tenant');
    await waitFor(() => expect(within(picker).getByRole('option', { name: 'Initech' })).toBeInTheDocument());
    expect(within(picker).getAllByRole('option').map((o) => o.textContent)).toEqual(['The segment Enterprise at risk', 'Acme', 'Globex', 'Initech']);
    expect(picker).toHaveValue('initech');
    expect(await screen.findByTestId('funnel-chart')).toBeInTheDocument();
  });

  it("uses the page's segment for the funnel when no account is chosen", async () => {
    // As the API answers for a segment: no portfolio beside it, no stall step.
    const segmentFunnel = { ...funnelReport, tenant: null, segment: 'seg-1a2b3c', portfolio: null, stallStep: null };
    const calls = mockFetch({ ...routes, '/v1/funnels/reporting': { body: segmentFunnel } });
    renderAt(<JourneyPage />, '/journey?from=2026-09-01&to=2026-12-01&segment=seg-1a2b3c&funnel=reporting');
    const chart = await screen.findByTestId('funnel-chart');
    expect(calls.some((c) => c.url === '/v1/funnels/reporting?segment=seg-1a2b3c&from=2026-09-01&to=2026-12-01')).toBe(true);
    expect(within(chart).getAllByTestId('funnel-step')).toHaveLength(3);
    expect(within(chart).queryByTestId('funnel-stall')).toBeNull();
  });

  it('says so when nothing is on a journey, and names a refusal', async () => {
    mockFetch({ ...routes, '/v1/journey': { body: { ...journey, accounts: 0, stages: [], flows: [], paths: [] } } });
    const { unmount } = renderAt(<JourneyPage />, '/journey');
    expect(await screen.findByText('No accounts on a journey in this range.')).toBeInTheDocument();
    unmount();
    mockFetch({ ...routes, '/v1/journey': { status: 403, body: { title: 'Forbidden', status: 403, detail: 'not in your scope' } } });
    renderAt(<JourneyPage />, '/journey');
    expect(await screen.findByTestId('error-forbidden')).toHaveTextContent('Not available to you: the journey. Your role or scope does not include it (not in your scope).');
  });
});
