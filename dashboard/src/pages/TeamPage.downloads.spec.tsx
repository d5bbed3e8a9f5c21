import { screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mockFetch, renderAt } from '../test/render';
import type { Me, Summary } from '../lib/api/types';
import TeamPage from './TeamPage';

const marcus: Me = { subject: 'marcus@example.com', email: 'marcus@example.com', role: 'manager', scope: 'team' };
const group = (owner: string) => ({ owner, accounts: 2, scored: 2, averageScore: 50, bands: { neutral: 2 } });
const summary: Summary = {
  from: '2026-11-01', to: '2026-12-01', asOf: '2026-12-03T10:00:00Z',
  overall: { accounts: 4, scored: 4, averageScore: 50, bands: { neutral: 4 } },
  owners: [group('sarah@example.com'), group('david@example.com')],
  top: [], bottom: [],
};

afterEach(() => vi.unstubAllGlobals());

describe('team page downloads', () => {
  it("links the whole team's report and each manager's, for the page's range", async () => {
    mockFetch({ '/v1/summary': { body: summary } });
    renderAt(<TeamPage me={marcus} />, '/team?from=2026-10-01&to=2026-11-01');
    // No owner: the API reports every account in the caller's scope, i.e. the team.
    expect(await screen.findByTestId('export-team-pdf')).toHaveAttribute('href', '/v1/reports/portfolio.pdf?from=2026-10-01&to=2026-11-01');
    expect(screen.getByTestId('export-team-csv')).toHaveAttribute('href', '/v1/reports/portfolio.csv?from=2026-10-01&to=2026-11-01');
    const sarah = screen.getAllByTestId('team-row').find((r) => r.getAttribute('data-owner') === 'sarah@example.com')!;
    const pdf = within(sarah).getByTestId('export-member-pdf');
    expect(pdf).toHaveAttribute('href', '/v1/reports/portfolio.pdf?owner=sarah%40example.com&from=2026-10-01&to=2026-11-01');
    expect(pdf).toHaveAccessibleName('PDF of the portfolio report of sarah@example.com');
    expect(within(sarah).getByTestId('export-member-csv')).toHaveAttribute('href', '/v1/reports/portfolio.csv?owner=sarah%40example.com&from=2026-10-01&to=2026-11-01');
    expect(screen.getAllByTestId('export-member-pdf')).toHaveLength(2);
  });

  it('shows no report links to someone who may not export portfolios', async () => {
    mockFetch({ '/v1/summary': { body: summary } });
    renderAt(<TeamPage me={{ ...marcus, role: 'customer-admin', scope: 'tenant:acme.io' }} />, '/team');
    await screen.findByTestId('team-table');
    expect(screen.queryByTestId('export-team-pdf')).not.toBeInTheDocument();
    expect(screen.queryByTestId('export-member-pdf')).not.toBeInTheDocument();
    expect(screen.queryByRole('columnheader', { name: 'Report' })).not.toBeInTheDocument();
  });
});
