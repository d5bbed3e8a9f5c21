import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { enterpriseAtRisk, segmentHistory, segmentMembers } from '../test/fixtures';
import { mockFetch, renderAt } from '../test/render';
import type { Me } from '../lib/api/types';
import SegmentPage from './SegmentPage';

// Canvas charts need a browser; here a chart is its title.
vi.mock('../components/TimeChart', () => ({
  TimeChart: ({ title, testId, series }: { title: string; testId?: string; series: { points: unknown[] }[] }) => (
    <figure data-testid={testId} data-points={series[0].points.length}>{title}</figure>
  ),
}));

const viewer: Me = { subject: 'sarah@example.com', email: 'sarah@example.com', role: 'viewer', scope: 'own' };
const manager: Me = { ...viewer, role: 'manager', scope: 'team' };

afterEach(() => {
  vi.unstubAllGlobals();
  document.cookie = 'XSRF-TOKEN=; expires=Thu, 01 Jan 1970 00:00:00 GMT';
});

const routes = {
  '/v1/segments': { body: { segments: [enterpriseAtRisk] } },
  '/v1/segments/seg-1a2b3c/accounts': { body: segmentMembers },
  '/v1/segments/seg-1a2b3c/history': { body: segmentHistory },
};

function renderSegment(me: Me, path = '/segments/seg-1a2b3c') {
  return renderAt(
    <Routes>
      <Route path="/segments" element={<p>All segments here</p>} />
      <Route path="/segments/:id" element={<SegmentPage me={me} />} />
    </Routes>,
    path,
  );
}

describe('segment page', () => {
  it('shows the criteria in words, the trend charts and the members as in the portfolio', async () => {
    const calls = mockFetch(routes);
    renderSegment(viewer, '/segments/seg-1a2b3c?from=2026-11-01&to=2026-12-01');
    const page = await screen.findByTestId('segment-page');
    expect(page).toHaveAttribute('data-segment', 'seg-1a2b3c');
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Enterprise at risk');
    expect(within(screen.getByTestId('segment-criteria')).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      'Plan is enterprise', 'Band is At risk', 'At risk now', 'Score at most 50', '7-day change at most -10', 'Renews within 90 days',
      'Journey stage is Adopting', 'Attribute region is emea',
    ]);
    expect(await screen.findByTestId('segment-size-chart')).toHaveAttribute('data-points', '2');
    expect(screen.getByTestId('segment-score-chart')).toHaveTextContent('Average score');
    expect(calls.some((c) => c.url === '/v1/segments/seg-1a2b3c/history?from=2026-11-01&to=2026-12-01')).toBe(true);
    const rows = await screen.findAllByTestId('segment-member');
    expect(rows.map((r) => r.getAttribute('data-tenant'))).toEqual(['globex', 'acme.io']);
    expect(within(rows[1]).getByRole('link', { name: 'Acme' })).toHaveAttribute('href', '/accounts/acme.io');
    expect(rows[0]).toHaveAttribute('data-band', 'at_risk');
    // Sortable like the portfolio.
    await userEvent.click(screen.getByTestId('sort-arr'));
    expect(screen.getAllByTestId('segment-member').map((r) => r.getAttribute('data-tenant'))).toEqual(['acme.io', 'globex']);
    expect(screen.getByTestId('csv-segment-members')).toBeEnabled();
    // A viewer reads only.
    expect(screen.queryByTestId('segment-edit')).not.toBeInTheDocument();
    expect(screen.queryByTestId('segment-delete')).not.toBeInTheDocument();
  });

  it('asks for the history of closed days only: a range up to tomorrow ends before today', async () => {
    const calls = mockFetch(routes);
    renderSegment(viewer, '/segments/seg-1a2b3c?preset=last-30-days');
    await screen.findByTestId('segment-size-chart');
    const today = new Date().toISOString().slice(0, 10);
    const asked = calls.find((c) => c.url.startsWith('/v1/segments/seg-1a2b3c/history?'))!.url;
    expect(asked).toMatch(new RegExp(`&to=${today}$`));
  });

  it('lets a manager edit, and delete after confirming, with the XSRF header', async () => {
    document.cookie = 'XSRF-TOKEN=abc';
    const calls = mockFetch({ ...routes, 'DELETE /v1/segments/seg-1a2b3c': { status: 204 } });
    renderSegment(manager);
    expect(await screen.findByTestId('segment-edit')).toHaveAttribute('href', '/segments/seg-1a2b3c/edit');
    await userEvent.click(screen.getByTestId('segment-delete'));
    expect(calls.some((c) => c.init?.method === 'DELETE')).toBe(false);
    await userEvent.click(screen.getByTestId('segment-delete-confirm'));
    expect(await screen.findByText('All segments here')).toBeInTheDocument();
    const sent = calls.find((c) => c.init?.method === 'DELETE')!;
    expect(sent.url).toBe('/v1/segments/seg-1a2b3c');
    expect((sent.init!.headers as Record<string, string>)['X-XSRF-TOKEN']).toBe('abc');
  });

  it('shows a refused delete in words and stays', async () => {
    mockFetch({ ...routes, 'DELETE /v1/segments/seg-1a2b3c': { status: 403, body: { title: 'Forbidden', status: 403, detail: 'role viewer' } } });
    renderSegment(manager);
    await userEvent.click(await screen.findByTestId('segment-delete'));
    await userEvent.click(screen.getByTestId('segment-delete-confirm'));
    expect(await screen.findByTestId('error-forbidden')).toHaveTextContent('deleting Enterprise at risk');
    expect(screen.getByTestId('segment-page')).toBeInTheDocument();
  });

  it('says when the segment does not exist, and when its members are out of reach', async () => {
    mockFetch({ ...routes, '/v1/segments/seg-1a2b3c/accounts': { status: 403, body: { title: 'Forbidden', status: 403 } } });
    const { unmount } = renderSegment(viewer, '/segments/seg-gone');
    expect(await screen.findByTestId('error-not-found')).toHaveTextContent('Not found: segment seg-gone.');
    unmount();
    renderSegment(viewer);
    expect(await screen.findByTestId('error-forbidden')).toHaveTextContent('the accounts of Enterprise at risk');
    expect(screen.getByTestId('csv-segment-members')).toBeDisabled();
  });
});
