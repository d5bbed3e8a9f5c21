// Every route path of the app, in one place. Pages build links with these helpers only.

export const paths = {
  portfolio: '/',
  account: '/accounts/:tenant',
  team: '/team',
  alerts: '/alerts',
  notifications: '/notifications',
  reports: '/reports',
  audit: '/admin/audit',
  apiKeys: '/admin/api-keys',
  segments: '/segments',
  segmentNew: '/segments/new',
  segmentCompare: '/segments/compare',
  segment: '/segments/:id',
  segmentEdit: '/segments/:id/edit',
  journey: '/journey',
} as const;

export function portfolioPath(owner?: string): string {
  return owner ? `/?owner=${encodeURIComponent(owner)}` : '/';
}

export function accountPath(tenant: string): string {
  return `/accounts/${encodeURIComponent(tenant)}`;
}

export function segmentPath(id: string): string {
  return `/segments/${encodeURIComponent(id)}`;
}

export function segmentEditPath(id: string): string {
  return `${segmentPath(id)}/edit`;
}

/** Two segments side by side (`?ids=a,b`); either may be left to pick on the page. */
export function segmentComparePath(ids: string[] = []): string {
  const chosen = ids.filter(Boolean);
  return chosen.length ? `${paths.segmentCompare}?ids=${chosen.map(encodeURIComponent).join(',')}` : paths.segmentCompare;
}

/** Where the server's sign-in starts, coming back to `returnTo` (a path of this app). */
export function loginPath(returnTo: string): string {
  return `/auth/login?returnTo=${encodeURIComponent(returnTo)}`;
}

/** The tenant an `/v1/accounts/<tenant>` link names, or undefined. */
export function tenantOfApiLink(link: string | undefined): string | undefined {
  const match = link?.match(/^\/v1\/accounts\/([^/?#]+)/);
  return match ? decodeURIComponent(match[1]) : undefined;
}
