import { useQuery } from '@tanstack/react-query';
import { api, query } from './client';
import type { AccountDetail, Timeseries } from './types';

export function useAccount(tenant: string, enabled = true) {
  return useQuery({
    queryKey: ['account', tenant],
    queryFn: () => api<AccountDetail>(`/v1/accounts/${encodeURIComponent(tenant)}`),
    enabled,
  });
}

export function useTimeseries(tenant: string, metric: string, from: string, to?: string, enabled = true) {
  return useQuery({
    queryKey: ['timeseries', tenant, metric, from, to],
    queryFn: () =>
      api<Timeseries>(
        `/v1/accounts/${encodeURIComponent(tenant)}/timeseries${query({ metric, step: 'day', from, to })}`,
      ),
    enabled,
    staleTime: 60_000,
  });
}
