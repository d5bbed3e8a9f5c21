import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mockFetch, renderAt } from '../test/render';
import type { Me, Portfolio } from '../lib/api/types';
import { PortfolioPage } from './PortfolioPage';

const me: Me = { subject: 'sarah@example.com', email: 'sarah@example.com', role: 'viewer', scope: 'own' };
const day = (n: number) => ({ day: `2026-11-${String(n).padStart(2, '0')}`, score: 40 + n });
const portfolio: Portfolio = {
  owner: 'sarah@example.com',
  count: 3,
  asOf: '2026-12-03T10:00:00Z',
  accounts: [
    { tenantId: 'globex', name: 'Globex', score: 22, band: 'at_risk', delta7d: -12, topReason: 'Seat use fell to 20 %.', arr: 90000, openAlerts: 2, openFollowUps: 1, sparkline: [day(1), day(2)] },
    { tenantId: 'acme.io', name: 'Acme', score: 55, band: 'neutral', delta7d: 3, arr: 250000, openAlerts: 0, openFollowUps: 0, sparkline: [day(1), day(2)] },
    { tenantId: 'initech', name: 'Initech', score: 81, band: 'healthy', arr: 40000, openAlerts: 0, openFollowUps: 2, sparkline: [day(1), day(2)] },
  ],
};

afterEach(() => vi.unstubAllGlobals());

const tenants = () => screen.getAllByTestId('portfolio-row').map((row) => row.getAttribute('data-tenant'));

describe('portfolio page', () => {
  it('lists accounts riskiest first with band, reason and counts', async () => {
    mockFetch({ '/v1/portfolio': { body: portfolio } });
    renderAt(<PortfolioPage me={me} />);
    await screen.findAllByTestId('portfolio-row');
    expect(tenants()).toEqual(['globex', 'acme.io', 'initech']);
    const first = screen.getAllByTestId('portfolio-row')[0];
    expect(first).toHaveAttribute('data-band', 'at_risk');
    expect(within(first).getByText('Seat use fell to 20 %.')).toBeInTheDocument();
    expect(within(first).getByRole('link', { name: 'Globex' })).toHaveAttribute('href', '/accounts/globex');
    expect(within(first).getByLabelText('7-day change: -12')).toBeInTheDocument();
  });

  it('sorts by a column and flips on the second click', async () => {
    mockFetch({ '/v1/portfolio': { body: portfolio } });
    renderAt(<PortfolioPage me={me} />);
    await screen.findAllByTestId('portfolio-row');
    await userEvent.click(screen.getByTestId('sort-arr'));
    expect(tenants()).toEqual(['acme.io', 'globex', 'initech']);
    await userEvent.click(screen.getByTestId('sort-arr'));
    expect(tenants()).toEqual(['initech', 'globex', 'acme.io']);
    await userEvent.click(screen.getByTestId('sort-name'));
    expect(tenants()).toEqual(['acme.io', 'globex', 'initech']);
  });

  it('filters by band and search, and says when nothing matches', async () => {
    mockFetch({ '/v1/portfolio': { body: portfolio } });
    renderAt(<PortfolioPage me={me} />);
    await screen.findAllByTestId('portfolio-row');
    await userEvent.selectOptions(screen.getByTestId('filter-band'), 'healthy');
    expect(tenants()).toEqual(['initech']);
    await userEvent.type(screen.getByTestId('search'), 'acme');
    expect(screen.queryAllByTestId('portfolio-row')).toHaveLength(0);
    expect(screen.getByText('No account matches these filters.')).toBeInTheDocument();
  });

  it('shows an empty portfolio as such', async () => {
    mockFetch({ '/v1/portfolio': { body: { ...portfolio, count: 0, accounts: [] } } });
    renderAt(<PortfolioPage me={me} />);
    expect(await screen.findByText('No accounts are owned by sarah@example.com.')).toBeInTheDocument();
  });

  it('names the portfolio that is out of reach on a 403, and offers no report of it', async () => {
    mockFetch({ '/v1/portfolio': { status: 403, body: { title: 'Forbidden', detail: 'not in your team' } } });
    renderAt(<PortfolioPage me={me} />, '/?owner=bob@example.com');
    expect(await screen.findByTestId('error-forbidden')).toHaveTextContent('the portfolio of bob@example.com');
    expect(screen.queryByTestId('export-portfolio-pdf')).not.toBeInTheDocument();
    expect(screen.queryByTestId('export-portfolio-list')).not.toBeInTheDocument();
  });

  it("links the owner's portfolio report for the chosen period and the server's list CSV", async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date(2026, 11, 3, 10, 0));
    try {
      mockFetch({ '/v1/portfolio': { body: { ...portfolio, owner: 'bob@example.com' } } });
      renderAt(<PortfolioPage me={{ ...me, role: 'manager', scope: 'team' }} />, '/?owner=bob@example.com');
      // Last 30 days by default, today included.
      expect(await screen.findByTestId('export-portfolio-pdf')).toHaveAttribute(
        'href', '/v1/reports/portfolio.pdf?owner=bob%40example.com&from=2026-11-04&to=2026-12-04');
      await userEvent.selectOptions(screen.getByTestId('report-period'), 'last-month');
      expect(screen.getByTestId('export-portfolio-csv')).toHaveAttribute(
        'href', '/v1/reports/portfolio.csv?owner=bob%40example.com&from=2026-11-01&to=2026-12-01');
      expect(screen.getByTestId('export-portfolio-list')).toHaveAttribute('href', '/v1/portfolio.csv?owner=bob%40example.com');
      expect(screen.getByRole('group', { name: 'Download the portfolio report of bob@example.com' })).toBeInTheDocument();
    } finally {
      vi.useRealTimers();
    }
  });

  it('gives an account manager the report of their own portfolio', async () => {
    mockFetch({ '/v1/portfolio': { body: portfolio } });
    renderAt(<PortfolioPage me={me} />);
    expect(await screen.findByTestId('export-portfolio-pdf')).toHaveAttribute('href', expect.stringContaining('owner=sarah%40example.com'));
  });

  it('offers no portfolio report to a role that may not export portfolios', async () => {
    mockFetch({ '/v1/portfolio': { body: portfolio } });
    renderAt(<PortfolioPage me={{ subject: 'it@acme.io', role: 'customer-admin', scope: 'tenant:acme.io' }} />);
    await screen.findAllByTestId('portfolio-row');
    expect(screen.queryByTestId('export-portfolio-pdf')).not.toBeInTheDocument();
    expect(screen.queryByTestId('export-portfolio-list')).not.toBeInTheDocument();
  });
});
