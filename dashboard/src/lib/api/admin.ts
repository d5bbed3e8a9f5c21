import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, query } from './client';
import type { ApiKeyView, AuditPage, ChainReport, CreatedApiKey } from './types';

export interface AuditFilter {
  from?: string;
  to?: string;
  subject?: string;
  tenant?: string;
  result?: '' | 'allowed' | 'denied';
  limit?: number;
}

export function useAudit(filter: AuditFilter) {
  return useQuery({
    queryKey: ['audit', filter],
    queryFn: () => api<AuditPage>(`/v1/audit${query({ ...filter })}`),
  });
}

export function useAuditVerify() {
  return useMutation({ mutationFn: () => api<ChainReport>('/v1/audit/verify') });
}

export function useApiKeys() {
  return useQuery({
    queryKey: ['api-keys'],
    queryFn: () => api<{ count: number; keys: ApiKeyView[] }>('/v1/admin/api-keys'),
  });
}

export interface NewApiKey {
  name: string;
  role: string;
  scope?: string;
  actsAs?: string;
}

export function useCreateApiKey() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: NewApiKey) => api<CreatedApiKey>('/v1/admin/api-keys', { method: 'POST', body: input }),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['api-keys'] }),
  });
}

export function useRevokeApiKey() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api(`/v1/admin/api-keys/${encodeURIComponent(id)}`, { method: 'DELETE' }),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['api-keys'] }),
  });
}
