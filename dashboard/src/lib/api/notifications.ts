import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, query } from './client';
import type { NotificationFeed, NotificationPreferences } from './types';

export function useNotifications(unreadOnly: boolean, pollMs: number | false) {
  return useQuery({
    queryKey: ['notifications', unreadOnly],
    queryFn: () => api<NotificationFeed>(`/v1/notifications${query({ unread: unreadOnly || undefined, limit: 100 })}`),
    refetchInterval: pollMs,
  });
}

export function useMarkRead() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id?: string) =>
      api(id ? `/v1/notifications/${encodeURIComponent(id)}/read` : '/v1/notifications/read', { method: 'POST' }),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['notifications'] }),
  });
}

export function usePreferences() {
  return useQuery({
    queryKey: ['preferences'],
    queryFn: () => api<NotificationPreferences>('/v1/me/notification-preferences'),
  });
}

export function useSavePreferences() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: Partial<NotificationPreferences>) =>
      api<NotificationPreferences>('/v1/me/notification-preferences', { method: 'PUT', body: input }),
    onSuccess: (saved) => client.setQueryData(['preferences'], saved),
  });
}
