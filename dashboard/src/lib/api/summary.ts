import { useQueries, useQuery } from '@tanstack/react-query';
import { api, query } from './client';
import type { Portfolio, Summary } from './types';

export function useSummary(from: string, to: string, n = 5) {
  return useQuery({
    queryKey: ['summary', from, to, n],
    queryFn: () => api<Summary>(`/v1/summary${query({ from, to, n })}`),
  });
}

/** One portfolio per owner (for ARR at risk): as many requests as account managers. */
export function useOwnerPortfolios(owners: string[]) {
  return useQueries({
    queries: owners.map((owner) => ({
      queryKey: ['portfolio', owner],
      queryFn: () => api<Portfolio>(`/v1/portfolio${query({ owner })}`),
      retry: false,
    })),
  });
}
