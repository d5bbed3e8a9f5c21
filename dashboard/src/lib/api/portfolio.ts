import { useQuery } from '@tanstack/react-query';
import { api, query } from './client';
import type { Portfolio } from './types';

export const POLL_MS = 30_000;

export function usePortfolio(owner: string | undefined, pollMs: number | false) {
  return useQuery({
    queryKey: ['portfolio', owner ?? 'me'],
    queryFn: () => api<Portfolio>(`/v1/portfolio${query({ owner, include: 'activity' })}`),
    refetchInterval: pollMs,
  });
}
