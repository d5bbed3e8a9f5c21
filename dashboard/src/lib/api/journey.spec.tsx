import type { ReactNode } from 'react';
import { renderHook, waitFor } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mockFetch } from '../../test/render';
import { useAccountJourney, useFunnel, useFunnels, useJourney } from './journey';

function wrapper() {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return ({ children }: { children: ReactNode }) => <QueryClientProvider client={client}>{children}</QueryClientProvider>;
}

afterEach(() => vi.unstubAllGlobals());

describe('journey and funnel API hooks', () => {
  it('ask the contract addresses, leaving out what is not chosen', async () => {
    const calls = mockFetch({
      '/v1/accounts/acme.io/journey': { body: { tenant: 'acme.io', stage: null, transitions: [] } },
      '/v1/journey': { body: { stages: [], flows: [], paths: [] } },
      '/v1/funnels': { body: { funnels: [] } },
      '/v1/funnels/reporting': { body: { steps: [], portfolio: [] } },
    });
    const w = wrapper();
    const hooks = [
      renderHook(() => useAccountJourney('acme.io'), { wrapper: w }),
      renderHook(() => useJourney({ from: '2026-09-01', to: '2026-12-01' }), { wrapper: w }),
      renderHook(() => useJourney({ from: '2026-09-01', to: '2026-12-01', segment: 'seg-1', cohort: '2026-10' }), { wrapper: w }),
      renderHook(() => useFunnels(), { wrapper: w }),
      renderHook(() => useFunnel('reporting', { tenant: 'acme.io', segment: 'seg-1', from: '2026-11-01', to: '2026-12-01' }), { wrapper: w }),
      renderHook(() => useFunnel('reporting', { segment: 'seg-1', from: '2026-11-01', to: '2026-12-01' }), { wrapper: w }),
    ];
    const waiting = renderHook(() => useFunnel('reporting', { from: '2026-11-01', to: '2026-12-01' }), { wrapper: w });
    await waitFor(() => expect(hooks.every((h) => h.result.current.isSuccess)).toBe(true));
    // Neither an account nor a segment: nothing to ask.
    expect(waiting.result.current.fetchStatus).toBe('idle');
    expect(calls.map((c) => c.url).sort()).toEqual([
      '/v1/accounts/acme.io/journey',
      '/v1/funnels',
      '/v1/funnels/reporting?segment=seg-1&from=2026-11-01&to=2026-12-01',
      // An account wins over a segment.
      '/v1/funnels/reporting?tenant=acme.io&from=2026-11-01&to=2026-12-01',
      '/v1/journey?from=2026-09-01&to=2026-12-01',
      '/v1/journey?from=2026-09-01&to=2026-12-01&segment=seg-1&cohort=2026-10',
    ]);
  });
});
