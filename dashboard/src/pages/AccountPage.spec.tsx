import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Route, Routes } from 'react-router';
import { mockFetch, renderAt } from '../test/render';
import type { AccountDetail, AlertList, FollowUpList, Me } from '../lib/api/types';
import { accountJourney } from '../test/fixtures';
import AccountPage from './AccountPage';

// Canvas charts need a browser; here a chart is its title.
vi.mock('../components/TimeChart', () => ({
  TimeChart: ({ title, testId }: { title: string; testId?: string }) => <figure data-testid={testId}>{title}</figure>,
}));

const me: Me = { subject: 'sarah@example.com', email: 'sarah@example.com', role: 'viewer', scope: 'own' };
const account: AccountDetail = {
  tenantId: 'acme.io',
  name: 'Acme',
  owner: 'sarah@example.com',
  licensedSeats: 50,
  health: {
    tenantId: 'acme.io', score: 35, band: 'at_risk', delta7d: -16, topReason: 'Seat use fell to 20 %.',
    contributions: [{ measure: 'seat_utilisation', label: 'Seat utilisation', value: 0.2, points: 20, weight: 0.3, contribution: 6 }],
  },
  engagement: { last7d: { events: 10, activeUsers: 3 }, last30d: { events: 100, activeUsers: 9, byType: { login: 60, api_call: 40 } } },
};
const alerts: AlertList = {
  count: 1, truncated: false, asOf: '2026-12-03T10:00:00Z',
  alerts: [{ id: 'acme.io/gone-silent', tenantId: 'acme.io', ruleId: 'gone-silent', kind: 'silence', severity: 'warning', state: 'firing', firstSeenAt: '2026-12-01T00:00:00Z', explanation: 'No activity for 5 days.' }],
};
const followUps: FollowUpList = { count: 0, truncated: false, asOf: '2026-12-03T10:00:00Z', followUps: [] };
const series = { tenantId: 'acme.io', metric: 'x', step: 'day', from: '', to: '', points: [{ t: '2026-12-01T00:00:00Z', value: 40, points: 40 }, { t: '2026-12-02T00:00:00Z', value: 35, points: 30 }] };

afterEach(() => vi.unstubAllGlobals());

function renderAccount(who: Me = me, path = '/accounts/acme.io') {
  return renderAt(
    <Routes>
      <Route path="/accounts/:tenant" element={<AccountPage me={who} />} />
    </Routes>,
    path,
  );
}

const readOnly = () =>
  mockFetch({
    '/v1/accounts/acme.io': { body: account },
    '/v1/accounts/acme.io/timeseries': { body: series },
    '/v1/alerts': { body: alerts },
    '/v1/accounts/acme.io/follow-ups': { body: followUps },
  });

describe('account page', () => {
  it('shows the score, its contributions with their change, and the alerts', async () => {
    mockFetch({
      '/v1/accounts/acme.io': { body: account },
      '/v1/accounts/acme.io/timeseries': { body: series },
      '/v1/alerts': { body: alerts },
      '/v1/accounts/acme.io/follow-ups': { body: followUps },
    });
    renderAccount();
    const page = await screen.findByTestId('account-page');
    expect(page).toHaveAttribute('data-tenant', 'acme.io');
    expect(await screen.findByTestId('score-chart')).toBeInTheDocument();
    const table = screen.getByTestId('contributions-table');
    // (30 - 40) points × weight 0.3 = -3 over 30 days.
    expect(await within(table).findByLabelText('change over 30 days: -3')).toBeInTheDocument();
    const row = await screen.findByTestId('alert-row');
    expect(row).toHaveAttribute('data-alert', 'acme.io/gone-silent');
    expect(row).toHaveAttribute('data-state', 'firing');
  });

  it('creates a follow-up with the XSRF header and acknowledges an alert', async () => {
    document.cookie = 'XSRF-TOKEN=abc';
    const calls = mockFetch({
      '/v1/accounts/acme.io': { body: account },
      '/v1/accounts/acme.io/timeseries': { body: series },
      '/v1/alerts': { body: alerts },
      '/v1/accounts/acme.io/follow-ups': { body: followUps },
      'POST /v1/accounts/acme.io/follow-ups': {
        status: 202,
        body: { id: 'f1', tenantId: 'acme.io', title: 'Call the champion', status: 'open', owner: 'sarah@example.com', createdBy: 'sarah@example.com', createdAt: '2026-12-03T10:00:00Z', updatedAt: '2026-12-03T10:00:00Z' },
      },
      '/v1/alerts/acme.io/gone-silent/ack': { status: 202, body: {} },
    });
    renderAccount();
    await userEvent.type(await screen.findByTestId('follow-up-title'), 'Call the champion');
    await userEvent.click(screen.getByTestId('follow-up-create'));
    const created = await screen.findByTestId('follow-up-row');
    expect(created).toHaveTextContent('Call the champion');
    // Not yet applied by the topology: it cannot be marked done before the list shows it.
    expect(created).toHaveAttribute('data-pending', 'true');
    expect(within(created).queryByTestId('follow-up-done')).not.toBeInTheDocument();
    const create = calls.find((c) => c.init?.method === 'POST' && c.url.endsWith('/follow-ups'))!;
    expect(JSON.parse(create.init!.body as string)).toEqual({ title: 'Call the champion' });
    expect((create.init!.headers as Record<string, string>)['X-XSRF-TOKEN']).toBe('abc');

    await userEvent.click(await screen.findByTestId('alert-ack'));
    await waitFor(() => expect(calls.some((c) => c.url === '/v1/alerts/acme.io/gone-silent/ack')).toBe(true));
  });

  it('shows a customer admin their account read-only', async () => {
    mockFetch({
      '/v1/accounts/acme.io': { body: account },
      '/v1/accounts/acme.io/timeseries': { body: series },
      '/v1/alerts': { body: alerts },
    });
    renderAccount({ subject: 'it@acme.io', role: 'customer-admin', scope: 'tenant:acme.io' });
    await screen.findByTestId('alert-row');
    expect(screen.queryByTestId('alert-ack')).not.toBeInTheDocument();
    expect(screen.queryByTestId('follow-up-create')).not.toBeInTheDocument();
  });
});

describe('account review downloads', () => {
  afterEach(() => vi.useRealTimers());

  it("links the review of the page's range, today included, as PDF and CSV", async () => {
    // Only the date is fixed: queries and user events keep their real timers.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date(2026, 11, 3, 10, 0));
    readOnly();
    renderAccount(me, '/accounts/acme.io?range=1y');
    const pdf = await screen.findByTestId('export-account-pdf');
    expect(pdf).toHaveAttribute('href', '/v1/reports/accounts/acme.io.pdf?from=2025-12-03&to=2026-12-04');
    expect(pdf).toHaveAttribute('download');
    expect(pdf).toHaveAccessibleName('PDF of the account review of Acme, last 1 year');
    expect(screen.getByTestId('export-account-csv')).toHaveAttribute('href', '/v1/reports/accounts/acme.io.csv?from=2025-12-03&to=2026-12-04');

    // Another range, another period: the default is 90 days.
    await userEvent.selectOptions(screen.getByTestId('history-range'), '30d');
    expect(screen.getByTestId('export-account-pdf')).toHaveAttribute('href', '/v1/reports/accounts/acme.io.pdf?from=2026-11-03&to=2026-12-04');
  });

  it('offers a customer admin the review of their own account', async () => {
    readOnly();
    renderAccount({ subject: 'it@acme.io', role: 'customer-admin', scope: 'tenant:acme.io' });
    expect(await screen.findByTestId('export-account-pdf')).toHaveAttribute('href', expect.stringMatching(/^\/v1\/reports\/accounts\/acme\.io\.pdf\?from=/));
  });
});

describe("the account's journey", () => {
  it('shows the current stage, the days in it and the latest moves, newest first', async () => {
    mockFetch({
      '/v1/accounts/acme.io': { body: account },
      '/v1/accounts/acme.io/timeseries': { body: series },
      '/v1/accounts/acme.io/journey': { body: accountJourney },
      '/v1/alerts': { body: alerts },
      '/v1/accounts/acme.io/follow-ups': { body: followUps },
    });
    renderAccount();
    const section = await screen.findByTestId('account-journey');
    const stage = await within(section).findByTestId('account-journey-stage');
    expect(stage).toHaveAttribute('data-stage', 'adopting');
    expect(stage).toHaveAttribute('data-days', '31');
    expect(stage).toHaveTextContent(/^Adopting for 31 days, since .*2026 \(journey model 2026\.12-1\)$/);
    expect(within(section).getAllByTestId('journey-transition').map((t) => t.textContent?.replace(/^.*: /, ''))).toEqual([
      'Activated → Adopting', 'Onboarding → Activated',
    ]);
    expect(within(section).getAllByTestId('journey-transition')[0].querySelector('time')).toHaveAttribute('datetime', '2026-11-02');
  });

  it('says when the account has no stage yet', async () => {
    mockFetch({
      '/v1/accounts/acme.io': { body: account },
      '/v1/accounts/acme.io/timeseries': { body: series },
      '/v1/accounts/acme.io/journey': { body: { ...accountJourney, stage: null, transitions: [] } },
      '/v1/alerts': { body: alerts },
    });
    renderAccount();
    expect(await within(await screen.findByTestId('account-journey')).findByText('No journey stage yet.')).toBeInTheDocument();
  });
});
