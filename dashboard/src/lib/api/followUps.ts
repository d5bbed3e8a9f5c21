import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, APPLIED_CHECKS_MS, query } from './client';
import type { FollowUp, FollowUpList } from './types';

export function useAccountFollowUps(tenant: string, enabled = true) {
  return useQuery({
    queryKey: ['follow-ups', 'account', tenant],
    queryFn: () => api<FollowUpList>(`/v1/accounts/${encodeURIComponent(tenant)}/follow-ups${query({ limit: 200 })}`),
    enabled,
  });
}

function refreshSoon(client: ReturnType<typeof useQueryClient>) {
  for (const delay of APPLIED_CHECKS_MS) {
    window.setTimeout(() => void client.invalidateQueries({ queryKey: ['follow-ups'] }), delay);
  }
}

export function useCreateFollowUp(tenant: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { title: string; dueDate?: string }) =>
      api<FollowUp>(`/v1/accounts/${encodeURIComponent(tenant)}/follow-ups`, { method: 'POST', body: input }),
    onSuccess: (created) => {
      client.setQueryData<FollowUpList>(['follow-ups', 'account', tenant], (list) =>
        list ? { ...list, count: list.count + 1, followUps: [...list.followUps, { ...created, pending: true }] } : list,
      );
      refreshSoon(client);
    },
  });
}

export function useUpdateFollowUp() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ followUp, status }: { followUp: FollowUp; status: FollowUp['status'] }) =>
      api<FollowUp>(`/v1/follow-ups/${encodeURIComponent(followUp.tenantId)}/${encodeURIComponent(followUp.id)}`, {
        method: 'PATCH',
        body: { status },
      }),
    onSuccess: (changed) => {
      client.setQueryData<FollowUpList>(['follow-ups', 'account', changed.tenantId], (list) =>
        list ? { ...list, followUps: list.followUps.map((f) => (f.id === changed.id ? changed : f)) } : list,
      );
      refreshSoon(client);
    },
  });
}
