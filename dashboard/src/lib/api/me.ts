import { useMutation, useQuery } from '@tanstack/react-query';
import { api, cookie, navigation } from './client';
import type { Me } from './types';

export function useMe() {
  return useQuery({ queryKey: ['me'], queryFn: () => api<Me>('/v1/me'), staleTime: 5 * 60_000 });
}

/** POST /auth/logout (with the XSRF header), then go where the server says. */
export function useSignOut() {
  return useMutation({
    mutationFn: async () => {
      const headers: Record<string, string> = { Accept: 'application/json' };
      const xsrf = cookie('XSRF-TOKEN');
      if (xsrf) headers['X-XSRF-TOKEN'] = xsrf;
      const response = await fetch('/auth/logout', { method: 'POST', headers, credentials: 'same-origin' });
      const body = (await response.json().catch(() => ({}))) as { redirect?: string };
      return body.redirect ?? '/';
    },
    onSuccess: (redirect) => navigation.assign(redirect),
  });
}

/** The one tenant a customer admin may see: `tenant`, else from scope `tenant:<id>`. */
export function tenantOf(me: Me): string | undefined {
  if (me.tenant) return me.tenant;
  return me.scope?.startsWith('tenant:') ? me.scope.slice('tenant:'.length) : undefined;
}
