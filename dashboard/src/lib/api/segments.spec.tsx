import type { ReactNode } from 'react';
import { renderHook, waitFor } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mockFetch } from '../../test/render';
import { useDeleteSegment, useSaveSegment, useSegmentComparison, useSegmentHistory, useSegmentMembers, useSegmentPreview, useSegments } from './segments';

function wrapper() {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return ({ children }: { children: ReactNode }) => <QueryClientProvider client={client}>{children}</QueryClientProvider>;
}

afterEach(() => vi.unstubAllGlobals());

describe('segment API hooks', () => {
  it('read the list, members, history and comparison at the contract addresses', async () => {
    const calls = mockFetch({
      '/v1/segments': { body: { segments: [] } },
      '/v1/segments/seg%2F1/accounts': { body: { size: 0, accounts: [] } },
      '/v1/segments/seg%2F1/history': { body: { days: [] } },
      '/v1/segments/compare': { body: { segments: [] } },
    });
    const w = wrapper();
    const list = renderHook(() => useSegments(), { wrapper: w });
    const accounts = renderHook(() => useSegmentMembers('seg/1'), { wrapper: w });
    const history = renderHook(() => useSegmentHistory('seg/1', '2026-11-01', '2026-12-01'), { wrapper: w });
    const one = renderHook(() => useSegmentComparison(['a']), { wrapper: w });
    const two = renderHook(() => useSegmentComparison(['a', 'b']), { wrapper: w });
    await waitFor(() => expect([list, accounts, history, two].every((h) => h.result.current.isSuccess)).toBe(true));
    // One segment is nothing to compare: no request.
    expect(one.result.current.fetchStatus).toBe('idle');
    expect(calls.map((c) => c.url).sort()).toEqual([
      '/v1/segments',
      '/v1/segments/compare?ids=a,b',
      '/v1/segments/seg%2F1/accounts',
      '/v1/segments/seg%2F1/history?from=2026-11-01&to=2026-12-01',
    ]);
  });

  it('preview, create, replace and delete with the contract methods and bodies', async () => {
    const calls = mockFetch({
      'POST /v1/segments/preview': { body: { size: 0, accounts: [] } },
      'POST /v1/segments': { status: 201, body: { id: 'new' } },
      'PUT /v1/segments/s1': { body: { id: 's1' } },
      'DELETE /v1/segments/s1': { status: 204 },
    });
    const w = wrapper();
    const preview = renderHook(() => useSegmentPreview(), { wrapper: w });
    const create = renderHook(() => useSaveSegment(), { wrapper: w });
    const replace = renderHook(() => useSaveSegment('s1'), { wrapper: w });
    const remove = renderHook(() => useDeleteSegment(), { wrapper: w });
    await preview.result.current.mutateAsync({ plans: ['enterprise'] });
    await create.result.current.mutateAsync({ name: 'A', criteria: {} });
    await replace.result.current.mutateAsync({ name: 'B', criteria: { atRisk: true } });
    await remove.result.current.mutateAsync('s1');
    expect(calls.map((c) => [c.init?.method, c.url, c.init?.body])).toEqual([
      ['POST', '/v1/segments/preview', '{"criteria":{"plans":["enterprise"]}}'],
      ['POST', '/v1/segments', '{"name":"A","criteria":{}}'],
      ['PUT', '/v1/segments/s1', '{"name":"B","criteria":{"atRisk":true}}'],
      ['DELETE', '/v1/segments/s1', undefined],
    ]);
  });
});
