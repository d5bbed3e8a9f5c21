import { screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { enterpriseAtRisk, newLogos, segmentHistory } from '../test/fixtures';
import { mockFetch, renderAt } from '../test/render';
import type { Me } from '../lib/api/types';
import SegmentsPage from './SegmentsPage';

const viewer: Me = { subject: 'sarah@example.com', email: 'sarah@example.com', role: 'viewer', scope: 'own' };
const analyst: Me = { ...viewer, role: 'analyst' };

afterEach(() => vi.unstubAllGlobals());

describe('segments page', () => {
  it('lists segments with size, average score, trend and criteria, each linking to its page', async () => {
    const calls = mockFetch({
      '/v1/segments': { body: { segments: [enterpriseAtRisk, newLogos] } },
      '/v1/segments/seg-1a2b3c/history': { body: segmentHistory },
      '/v1/segments/seg-new/history': { body: { ...segmentHistory, days: [] } },
    });
    renderAt(<SegmentsPage me={viewer} />, '/segments');
    expect(screen.getByTestId('segments-page')).toBeInTheDocument();
    const rows = await screen.findAllByTestId('segment-row');
    expect(rows.map((r) => r.getAttribute('data-segment'))).toEqual(['seg-1a2b3c', 'seg-new']);
    const first = rows[0];
    expect(within(first).getByRole('link', { name: 'Enterprise at risk' })).toHaveAttribute('href', '/segments/seg-1a2b3c');
    expect(first).toHaveTextContent('Big accounts slipping');
    expect(within(first).getAllByRole('cell').map((c) => c.textContent).slice(0, 2)).toEqual(['2', '32']);
    expect(first).toHaveTextContent('Plan is enterprise; Band is At risk');
    expect(await within(first).findByRole('img', { name: 'Enterprise at risk average score, 30 days: from 40 to 32 over 2 days' })).toBeInTheDocument();
    expect(await within(rows[1]).findByLabelText('New logos average score, 30 days: no history')).toBeInTheDocument();
    expect(calls.find((c) => c.url.startsWith('/v1/segments/seg-1a2b3c/history'))!.url).toMatch(/\?from=\d{4}-\d{2}-\d{2}&to=\d{4}-\d{2}-\d{2}$/);
    expect(screen.getByTestId('segment-compare-link')).toHaveAttribute('href', '/segments/compare');
  });

  it('offers New segment to analysts and above, not to viewers', async () => {
    mockFetch({ '/v1/segments': { body: { segments: [] } } });
    const { unmount } = renderAt(<SegmentsPage me={viewer} />, '/segments');
    expect(await screen.findByText('No saved segments yet.')).toBeInTheDocument();
    expect(screen.queryByTestId('segment-new')).not.toBeInTheDocument();
    unmount();
    renderAt(<SegmentsPage me={analyst} />, '/segments');
    expect(await screen.findByText('No saved segments yet. Create one with New segment.')).toBeInTheDocument();
    expect(screen.getByTestId('segment-new')).toHaveAttribute('href', '/segments/new');
  });

  it('says what is out of reach on a 403', async () => {
    mockFetch({ '/v1/segments': { status: 403, body: { title: 'Forbidden', status: 403, detail: 'segments need role viewer or above' } } });
    renderAt(<SegmentsPage me={viewer} />, '/segments');
    expect(await screen.findByTestId('error-forbidden')).toHaveTextContent(
      'Not available to you: the saved segments. Your role or scope does not include it (segments need role viewer or above).');
  });
});
