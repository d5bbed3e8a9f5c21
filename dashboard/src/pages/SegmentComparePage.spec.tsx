import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { comparison, enterpriseAtRisk, newLogos } from '../test/fixtures';
import { mockFetch, renderAt } from '../test/render';
import SegmentComparePage from './SegmentComparePage';

afterEach(() => vi.unstubAllGlobals());

const cells = (label: string) => within(screen.getByRole('rowheader', { name: label }).closest('tr')!).getAllByRole('cell').map((c) => c.textContent);

describe('segment comparison', () => {
  it('shows two segments side by side', async () => {
    const calls = mockFetch({
      '/v1/segments': { body: { segments: [enterpriseAtRisk, newLogos] } },
      '/v1/segments/compare': { body: { segments: comparison } },
    });
    renderAt(<SegmentComparePage />, '/segments/compare?ids=seg-1a2b3c,seg-new');
    const table = await screen.findByTestId('segment-compare');
    expect(within(table).getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['Measure', 'Enterprise at risk', 'New logos']);
    expect(cells('Accounts')).toEqual(['2', '5']);
    expect(cells('Average score')).toEqual(['32', '62']);
    expect(cells('At risk now')).toEqual(['1', '0']);
    expect(cells('Band healthy')).toEqual(['0', '3']);
    expect(cells('ARR')[0]).toMatch(/340,000/);
    expect(calls.some((c) => c.url === '/v1/segments/compare?ids=seg-1a2b3c,seg-new')).toBe(true);
  });

  it('asks for two segments, then compares the ones picked', async () => {
    const calls = mockFetch({
      '/v1/segments': { body: { segments: [enterpriseAtRisk, newLogos] } },
      '/v1/segments/compare': { body: { segments: comparison } },
    });
    renderAt(<SegmentComparePage />, '/segments/compare');
    expect(await screen.findByText('Pick two different segments to see them side by side.')).toBeInTheDocument();
    await userEvent.selectOptions(screen.getByTestId('compare-a'), 'seg-1a2b3c');
    await userEvent.selectOptions(screen.getByTestId('compare-b'), 'seg-new');
    expect(await screen.findByTestId('segment-compare')).toBeInTheDocument();
    await waitFor(() => expect(calls.filter((c) => c.url.startsWith('/v1/segments/compare'))).toHaveLength(1));
  });

  it('needs two saved segments', async () => {
    mockFetch({ '/v1/segments': { body: { segments: [newLogos] } } });
    renderAt(<SegmentComparePage />, '/segments/compare');
    expect(await screen.findByText('Comparing needs two saved segments.')).toBeInTheDocument();
  });
});
