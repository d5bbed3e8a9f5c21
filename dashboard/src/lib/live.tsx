// Live updates: one EventSource on the caller's notification stream. `event: score` updates the
// portfolio in place (then refetches it); `event: notification` refreshes alerts and the feed.
// When the stream is down, pages poll every 30 s instead; while it is up, every 5 minutes, in
// case a change reaches no event.

import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { Portfolio, ScoreEvent } from './api/types';
import { POLL_MS } from './api/portfolio';

export type LiveState = 'live' | 'polling' | 'offline';

interface Live {
  state: LiveState;
  /** Refetch interval for pages that show live data: long while the stream is live. */
  pollMs: number | false;
}

const LiveContext = createContext<Live>({ state: 'polling', pollMs: POLL_MS });

export function useLive(): Live {
  return useContext(LiveContext);
}

export const STREAM = '/v1/notifications/stream';

/** Safety refresh while the stream is live. */
export const LIVE_REFRESH_MS = 5 * 60_000;

/** The portfolio with `event` applied to its account, or unchanged when it is not there. */
export function applyScore(portfolio: Portfolio | undefined, event: ScoreEvent): Portfolio | undefined {
  if (!portfolio || !portfolio.accounts.some((a) => a.tenantId === event.tenantId)) return portfolio;
  return {
    ...portfolio,
    accounts: portfolio.accounts.map((a) =>
      a.tenantId === event.tenantId
        ? {
            ...a,
            score: event.score,
            band: event.band,
            delta7d: event.delta7d ?? a.delta7d,
            delta30d: event.delta30d ?? a.delta30d,
            topReason: event.topReason ?? a.topReason,
            lastEventAt: event.lastEventAt ?? a.lastEventAt,
          }
        : a,
    ),
  };
}

function applyEvent(client: QueryClient, data: string): void {
  try {
    const event = JSON.parse(data) as ScoreEvent;
    client.setQueriesData<Portfolio>({ queryKey: ['portfolio'] }, (p) => applyScore(p, event));
  } catch {
    return;
  }
}

export function LiveProvider({ enabled, children }: { enabled: boolean; children: ReactNode }) {
  const client = useQueryClient();
  const [state, setState] = useState<LiveState>(navigator.onLine === false ? 'offline' : 'polling');

  useEffect(() => {
    const offline = () => setState('offline');
    const online = () => setState((s) => (s === 'offline' ? 'polling' : s));
    window.addEventListener('offline', offline);
    window.addEventListener('online', online);
    if (!enabled || typeof EventSource === 'undefined') {
      return () => {
        window.removeEventListener('offline', offline);
        window.removeEventListener('online', online);
      };
    }
    const source = new EventSource(STREAM);
    let pending: number | undefined;
    source.onopen = () => setState('live');
    source.onerror = () => setState(navigator.onLine === false ? 'offline' : 'polling');
    source.addEventListener('score', (e) => {
      // Each score shows at once; the order, sparklines and counts come from one refetch after
      // a burst (the server sends each changed account's score about once a second).
      applyEvent(client, (e as MessageEvent<string>).data);
      window.clearTimeout(pending);
      pending = window.setTimeout(
        () => void client.invalidateQueries({ queryKey: ['portfolio'], refetchType: 'active' }),
        2000,
      );
    });
    source.addEventListener('notification', () => {
      void client.invalidateQueries({ queryKey: ['notifications'] });
      void client.invalidateQueries({ queryKey: ['alerts'] });
      void client.invalidateQueries({ queryKey: ['portfolio'], refetchType: 'active' });
    });
    return () => {
      window.clearTimeout(pending);
      source.close();
      window.removeEventListener('offline', offline);
      window.removeEventListener('online', online);
    };
  }, [client, enabled]);

  return <LiveContext.Provider value={{ state, pollMs: state === 'live' ? LIVE_REFRESH_MS : POLL_MS }}>{children}</LiveContext.Provider>;
}
