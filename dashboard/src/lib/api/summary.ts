import { useQuery } from '@tanstack/react-query';
import { api, query } from './client';
import type { Summary } from './types';

export function useSummary(from: string, to: string, n = 5) {
  return useQuery({
    queryKey: ['summary', from, to, n],
    queryFn: () => api<Summary>(`/v1/summary${query({ from, to, n })}`),
  });
}
