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
} as const;

export function portfolioPath(owner?: string): string {
  return owner ? `/?owner=${encodeURIComponent(owner)}` : '/';
}

export function accountPath(tenant: string): string {
  return `/accounts/${encodeURIComponent(tenant)}`;
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
