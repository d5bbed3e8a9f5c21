import { useQuery } from '@tanstack/react-query';
import { api, query } from './client';
import type { AlertList, FollowUpList, Portfolio, PortfolioItem, SparkPoint, Timeseries } from './types';

export const POLL_MS = 30_000;

export function usePortfolio(owner: string | undefined, pollMs: number | false) {
  return useQuery({
    queryKey: ['portfolio', owner ?? 'me'],
    queryFn: () => api<Portfolio>(`/v1/portfolio${query({ owner })}`),
    refetchInterval: pollMs,
  });
}

/** Per-tenant counts, from one request each for alerts and follow-ups (not one per account). */
export function countByTenant<T extends { tenantId: string }>(items: T[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(item.tenantId, (counts.get(item.tenantId) ?? 0) + 1);
  return counts;
}

/** Open alert and follow-up counts, fetched only when the portfolio entries lack them. */
export function usePortfolioCounts(owner: string | undefined, accounts: PortfolioItem[] | undefined) {
  const needed = !!accounts && accounts.some((a) => a.openAlerts === undefined || a.openFollowUps === undefined);
  const alerts = useQuery({
    queryKey: ['alerts', 'firing', owner ?? 'me'],
    queryFn: () => api<AlertList>(`/v1/alerts${query({ state: 'firing', owner, limit: 1000 })}`),
    enabled: needed,
  });
  const followUps = useQuery({
    queryKey: ['follow-ups', 'open', owner ?? 'me'],
    queryFn: () => api<FollowUpList>(`/v1/follow-ups${query({ status: 'open', owner, limit: 1000 })}`),
    enabled: needed,
    retry: false,
  });
  return {
    openAlerts: alerts.data ? countByTenant(alerts.data.alerts) : undefined,
    openFollowUps: followUps.data ? countByTenant(followUps.data.followUps) : undefined,
  };
}

/** At most this many sparklines are fetched when the portfolio does not carry them. */
export const SPARKLINE_FETCH_LIMIT = 50;

export function useSparkline(item: PortfolioItem, index: number) {
  return useQuery({
    queryKey: ['sparkline', item.tenantId],
    queryFn: async (): Promise<SparkPoint[]> => {
      const series = await api<Timeseries>(
        `/v1/accounts/${encodeURIComponent(item.tenantId)}/timeseries${query({ metric: 'health_score', step: 'day' })}`,
      );
      return series.points
        .filter((p) => p.value !== undefined)
        .map((p) => ({ day: p.t.slice(0, 10), score: p.value as number }));
    },
    enabled: !item.sparkline && item.score !== undefined && index < SPARKLINE_FETCH_LIMIT,
    staleTime: 5 * 60_000,
    retry: false,
  });
}
