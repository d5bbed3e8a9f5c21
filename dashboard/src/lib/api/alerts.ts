import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, APPLIED_CHECKS_MS, query } from './client';
import type { AlertList, AlertState, Severity } from './types';

export interface AlertFilter {
  tenant?: string;
  state?: AlertState | '';
  severity?: Severity | '';
  owner?: string;
}

export function useAlerts(filter: AlertFilter, pollMs: number | false = false) {
  return useQuery({
    queryKey: ['alerts', filter],
    queryFn: () => api<AlertList>(`/v1/alerts${query({ ...filter, limit: 500 })}`),
    refetchInterval: pollMs,
  });
}

export type AlertAction = 'ack' | 'snooze' | 'resolve';

/** The alert's tenant and rule, from its id `tenant/rule`. */
export function splitAlertId(id: string): { tenant: string; rule: string } {
  const slash = id.indexOf('/');
  return { tenant: id.slice(0, slash), rule: id.slice(slash + 1) };
}

export function alertActionPath(alertId: string, action: AlertAction): string {
  const { tenant, rule } = splitAlertId(alertId);
  return `/v1/alerts/${encodeURIComponent(tenant)}/${encodeURIComponent(rule)}/${action}`;
}

export function useAlertAction() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ alertId, action, snoozeFor }: { alertId: string; action: AlertAction; snoozeFor?: string }) =>
      api(alertActionPath(alertId, action), {
        method: 'POST',
        body: action === 'snooze' ? { for: snoozeFor ?? 'P1D' } : {},
      }),
    onSettled: () => {
      // The command is applied by the stream topology, usually within a second: look twice.
      for (const delay of APPLIED_CHECKS_MS) {
        window.setTimeout(() => {
          void client.invalidateQueries({ queryKey: ['alerts'] });
          void client.invalidateQueries({ queryKey: ['notifications'] });
        }, delay);
      }
    },
  });
}
